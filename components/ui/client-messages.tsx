import { getLocale, getMessages, getTimeZone } from "next-intl/server";
import type { ReactNode } from "react";
import { I18nProvider } from "@/lib/i18n/client";
import type { Locale } from "@/lib/validation/options";

/** Gives the page's client components its messages, language and time zone (lib/i18n/client.tsx). */
export async function ClientMessages({ children }: { children: ReactNode }) {
  const [locale, messages, timeZone] = await Promise.all([getLocale(), getMessages(), getTimeZone()]);
  return (
    <I18nProvider locale={locale as Locale} messages={messages as never} timeZone={timeZone}>
      {children}
    </I18nProvider>
  );
}
