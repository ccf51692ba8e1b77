import { CATEGORIES, type Category } from "@/lib/validation/options";
import { addDays, dayOf, daysBetween, formatDay, parseDay, yearEarlier, type Day } from "./days";

/**
 * The statistics view as it sits in the URL: `?range=30d`, or `?range=custom&from=…&to=…`,
 * plus `category`, `interval` and `view`. The dashboard and both exports read it the same
 * way, so an export always matches the page it was started from.
 */
export const PRESETS = ["7d", "30d", "12m", "custom"] as const;
export type Preset = (typeof PRESETS)[number];
export const VIEWS = ["chart", "table"] as const;
export const STAT_INTERVALS = ["day", "week", "month"] as const;

/** Longest custom range: five years keeps one request's work bounded. */
export const MAX_RANGE_DAYS = 5 * 366;

export type StatsView = {
  preset: Preset;
  from: Day;
  to: Day;
  category: Category | null;
  interval: (typeof STAT_INTERVALS)[number];
  view: (typeof VIEWS)[number];
  /** Set when custom dates were unusable; the view then falls back to 30 days. */
  problem: "range_invalid" | "range_order" | "range_too_long" | null;
};

type Params = Record<string, string | string[] | undefined> | URLSearchParams;
const get = (params: Params, key: string) => {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  return (Array.isArray(value) ? value[0] : value) ?? undefined;
};
const oneOf = <T extends string>(list: readonly T[], value: string | undefined, fallback: T): T =>
  (list as readonly string[]).includes(value ?? "") ? (value as T) : fallback;

export function presetRange(preset: Exclude<Preset, "custom">, today: Day): { from: Day; to: Day } {
  if (preset === "7d") return { from: addDays(today, -6), to: today };
  if (preset === "30d") return { from: addDays(today, -29), to: today };
  return { from: addDays(yearEarlier(today), 1), to: today };
}

export function parseStatsView(params: Params, now = new Date()): StatsView {
  const today = dayOf(now);
  const category = oneOf(CATEGORIES, get(params, "category"), "" as Category) || null;
  let interval = oneOf(STAT_INTERVALS, get(params, "interval"), "day");
  const view = oneOf(VIEWS, get(params, "view"), "chart");
  let preset = oneOf(PRESETS, get(params, "range"), "30d");
  let problem: StatsView["problem"] = null;
  let range = preset === "custom" ? null : presetRange(preset, today);
  if (preset === "custom") {
    const from = parseDay(get(params, "from"));
    const to = parseDay(get(params, "to"));
    if (from === null || to === null) problem = "range_invalid";
    else if (from > to) problem = "range_order";
    else if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS) problem = "range_too_long";
    else range = { from, to };
    if (problem) preset = "30d";
  }
  range ??= presetRange("30d", today);
  // A year by day is 365 bars: default long ranges to months unless asked otherwise.
  if (!get(params, "interval") && daysBetween(range.from, range.to) > 92) interval = "month";
  return { preset, ...range, category, interval, view, problem };
}

/** The URL query of a view, with `change` applied; custom dates only when the preset is custom. */
export function statsSearch(view: StatsView, change: Partial<StatsView> = {}): string {
  const v = { ...view, ...change };
  const params = new URLSearchParams();
  params.set("range", v.preset);
  if (v.preset === "custom") {
    params.set("from", formatDay(v.from));
    params.set("to", formatDay(v.to));
  }
  if (v.category) params.set("category", v.category);
  params.set("interval", v.interval);
  if (v.view !== "chart") params.set("view", v.view);
  return params.toString();
}
