"use client";

import { useLocale } from "@/lib/i18n/client";
import { usePathname } from "next/navigation";
import { setLocaleAction } from "@/lib/server/actions/locale";

/**
 * A plain form, so the switch works without JavaScript: the server action sets the
 * cookie and sends the visitor back to the same page.
 */
export function LanguageSwitch({ label, text }: { label: string; text: string }) {
  const locale = useLocale();
  const pathname = usePathname();
  const other = locale === "en" ? "zh-CN" : "en";
  return (
    <form action={setLocaleAction} className="language-switch">
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="returnTo" value={pathname} />
      <button type="submit" className="link-button" lang={other} aria-label={label}>
        {text}
      </button>
    </form>
  );
}
