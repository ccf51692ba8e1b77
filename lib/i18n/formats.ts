/**
 * How dates and times are shown: the locale decides the order and words, and the time zone
 * name is always shown because reporters are not all in Beijing time.
 * (`dateStyle` cannot be combined with `timeZoneName` in Intl, hence the parts.)
 */
export const DATE_TIME = {
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
} as const;
