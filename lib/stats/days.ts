/**
 * Calendar days in Beijing time (UTC+8 all year, no daylight saving) as YYYYMMDD integers.
 * Statistics group and filter by these, so that a day means the same on every instance and
 * in both databases, and a range is one integer index range.
 */
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export type Day = number;

/** The Beijing calendar day of an instant. */
export function dayOf(at: Date): Day {
  const d = new Date(at.getTime() + OFFSET_MS);
  return d.getUTCFullYear() * 10_000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

/** The instant a Beijing day begins. */
export function startOfDay(day: Day): Date {
  const y = Math.floor(day / 10_000);
  const m = Math.floor(day / 100) % 100;
  const d = day % 100;
  return new Date(Date.UTC(y, m - 1, d) - OFFSET_MS);
}

export function addDays(day: Day, n: number): Day {
  return dayOf(new Date(startOfDay(day).getTime() + n * DAY_MS));
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((startOfDay(b).getTime() - startOfDay(a).getTime()) / DAY_MS);
}

/** The same calendar day a year earlier (29 February falls back to the 28th). */
export function yearEarlier(day: Day): Day {
  const y = Math.floor(day / 10_000) - 1;
  const md = day % 10_000;
  return md === 229 ? y * 10_000 + 228 : y * 10_000 + md;
}

export function isDay(value: number): boolean {
  if (!Number.isInteger(value) || value < 19_700_101 || value > 99_991_231) return false;
  return dayOf(startOfDay(value)) === value;
}

/** `2026-11-26` ⇄ 20261126. */
export function parseDay(text: string | undefined | null): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? "");
  if (!m) return null;
  const day = Number(m[1]) * 10_000 + Number(m[2]) * 100 + Number(m[3]);
  return isDay(day) ? day : null;
}

export function formatDay(day: Day): string {
  const s = String(day);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/** The month of a day, as YYYYMM. */
export const monthOf = (day: Day) => Math.floor(day / 100);

/** The Monday that starts the day's week (ISO weeks). */
export function weekOf(day: Day): Day {
  const weekday = (startOfDay(day).getTime() + OFFSET_MS) / DAY_MS; // days since 1970-01-01, a Thursday
  const sinceMonday = (Math.floor(weekday) + 3) % 7;
  return addDays(day, -sinceMonday);
}
