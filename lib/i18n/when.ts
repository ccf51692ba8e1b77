import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import { DATE_TIME } from "./formats";

/** A date and time for a server component: "2026年12月3日 15:05（北京时间）". */
export async function getWhen() {
  const [format, t] = await Promise.all([getFormatter(), getTranslations("time")]);
  return (at: Date | string) => t("beijing", { time: format.dateTime(new Date(at), DATE_TIME) });
}
