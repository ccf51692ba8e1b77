import "server-only";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { shortDuration } from "@/lib/i18n/durations";
import type { Spread } from "@/lib/server/admin/stats";
import { startOfDay, type Day } from "@/lib/stats/days";

/** The number, share, change and duration formats the statistics sections share. */
export async function statsFormats() {
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const duration = (secs: number | null) => (secs === null ? t("stats.none") : shortDuration(secs * 1000, locale));
  return {
    t,
    format,
    day: (d: Day, long = false) =>
      format.dateTime(startOfDay(d), long ? { year: "numeric", month: "long", day: "numeric" } : { year: "numeric", month: "short", day: "numeric" }),
    number: (n: number) => format.number(n),
    percent: (value: number | null) => (value === null ? t("stats.none") : format.number(value, { style: "percent", maximumFractionDigits: 1 })),
    signed: (value: number | null) =>
      value === null ? t("stats.summary.noComparison") : format.number(value, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" }),
    duration,
    spread: (s: Spread) => [duration(s.median), duration(s.p90)],
    share: (part: number, whole: number) => (whole === 0 ? null : part / whole),
  };
}
