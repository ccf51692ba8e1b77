import { messagesFor } from "@/lib/i18n";
import { isCategory, LOCALES, type Locale } from "@/lib/validation/options";
import { DECISIONS, type Decision } from "./statuses";

/** The language a report's reporter reads: the one stored with it, else the default. */
export function reporterLocale(stored: string | null | undefined): Locale {
  return (LOCALES as readonly string[]).includes(stored ?? "") ? (stored as Locale) : "zh-CN";
}

/**
 * The reason templates of each decision, written in `locale`. A reporter reads the
 * reason in their own language, so the form starts from the reporter's version.
 */
export function reasonTemplates(locale: Locale, category: string): Record<Decision, string> {
  const reasons = messagesFor(locale).reasons;
  const actioned = isCategory(category) ? reasons.categories[category] : reasons.actioned;
  return Object.fromEntries(
    DECISIONS.map((d) => [d, d === "actioned" ? actioned : d === "needs-info" ? reasons.needsInfo : reasons[d]]),
  ) as Record<Decision, string>;
}
