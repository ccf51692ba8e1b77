"use client";

import { useFormatter, useTranslations } from "@/lib/i18n/client";
import { DATE_TIME } from "@/lib/i18n/formats";

/** A date and time for a client component: "3 December 2026 at 15:05 (Beijing time)". */
export function useWhen() {
  const format = useFormatter();
  const t = useTranslations("time");
  return (at: Date | string) => t("beijing", { time: format.dateTime(new Date(at), DATE_TIME) });
}
