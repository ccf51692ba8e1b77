import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isLocale, messagesFor, negotiateLocale } from "./index";

export const LOCALE_COOKIE = "locale";
/** The portal serves China first; every date is shown in its time, with the offset. */
export const TIME_ZONE = "Asia/Shanghai";

/** The visitor's choice from the cookie, else the best match for Accept-Language. */
export async function resolveLocale() {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return { locale, messages: messagesFor(locale), timeZone: TIME_ZONE };
});
