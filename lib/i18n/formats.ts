/**
 * How dates and times are shown: the locale decides the order and words. Every time is in
 * Beijing time (lib/i18n/request.ts), which is said after it in words, the way readers
 * expect ("2026年12月3日 15:05（北京时间）"), not as "GMT+8" in the middle: see useWhen
 * (components/ui/use-when.ts) and getWhen (lib/i18n/when.ts).
 */
export const DATE_TIME = {
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
} as const;
