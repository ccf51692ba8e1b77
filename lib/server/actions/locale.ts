"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { isLocale } from "@/lib/i18n";
import { LOCALE_COOKIE } from "@/lib/i18n/request";
import { getEnv } from "../env";
import { sameSitePath } from "../return-path";

/** Remembers the visitor's language for a year and returns them to the page they were on. */
export async function setLocaleAction(form: FormData): Promise<void> {
  const locale = form.get("locale");
  if (isLocale(locale)) {
    (await cookies()).set(LOCALE_COOKIE, locale, { maxAge: 365 * 24 * 3600, sameSite: "lax", path: "/", httpOnly: true, secure: getEnv().httpsOnly });
  }
  // Only this site's own paths: never an open redirect.
  redirect(sameSitePath(form.get("returnTo")));
}
