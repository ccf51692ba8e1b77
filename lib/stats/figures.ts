import type { Spread } from "@/lib/server/admin/percentiles";
import { addDays, daysBetween, monthOf, weekOf, yearEarlier, type Day } from "@/lib/stats/days";
import { CATEGORIES, type Category } from "@/lib/validation/options";

/**
 * The statistics' shapes and their assembly from the rollups' rows: plain functions, no
 * database. The queries are in lib/server/admin/stats-queries.ts; getStats
 * (lib/server/admin/stats.ts) runs them and assembles the result here.
 */

export const OUTCOMES = ["actioned", "rejected", "duplicate", "forwarded", "closed", "open"] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const INTERVALS = ["day", "week", "month"] as const;
export type Interval = (typeof INTERVALS)[number];
/** Backlog age bands, in days: [0, 1), [1, 3), [3, 7), [7, ∞). */
export const AGE_BANDS = ["under-1d", "1-3d", "3-7d", "over-7d"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** A category, with crime split into cases (money lost) and information reports. */
export type Segment = "harmful-info" | "crime-case" | "crime-info" | "spam" | "copyright";
export const SEGMENTS: readonly Segment[] = ["harmful-info", "crime-case", "crime-info", "spam", "copyright"];
export const segmentOf = (category: string, informationOnly: boolean): Segment =>
  category === "crime" ? (informationOnly ? "crime-info" : "crime-case") : (category as Segment);
export const categoryOfSegment = (segment: Segment): Category => (segment.startsWith("crime") ? "crime" : (segment as Category));

export type StatsQuery = { from: Day; to: Day; category: Category | null };


export type SegmentStats = {
  segment: Segment;
  received: number;
  /** The same number of days just before the range, and the same dates a year earlier. */
  receivedPrevious: number;
  receivedYearEarlier: number;
  outcomes: Record<Outcome, number>;
  toFirstDecision: Spread;
  toClosure: Spread;
  /** Decided by expected-by, out of the reports decided or already past it. */
  sla: { onTime: number; due: number };
  subtypes: { subtype: string | null; received: number }[];
};

export type Stats = {
  query: StatsQuery;
  asOf: Date;
  segments: SegmentStats[];
  totals: Omit<SegmentStats, "segment" | "subtypes" | "toFirstDecision" | "toClosure">;
  daily: { day: Day; category: Category; received: number }[];
  backlog: {
    byStatus: Record<string, number>;
    byAge: Record<AgeBand, number>;
    total: number;
    oldest: { id: string; submittedAt: Date } | null;
  };
  moderators: { id: string; email: string; name: string; decisions: number; medianHandlingSecs: number | null; overturned: number }[];
  topTargets: { kind: string; value: string; reports: number }[];
};

/** The range as the DSA/CAC reports compare it: the previous period and a year earlier. */
export function comparisonRanges({ from, to }: StatsQuery) {
  const length = daysBetween(from, to) + 1;
  return {
    previous: { from: addDays(from, -length), to: addDays(from, -1) },
    yearEarlier: { from: yearEarlier(from), to: yearEarlier(to) },
  };
}

export function emptyOutcomes(): Record<Outcome, number> {
  return { actioned: 0, rejected: 0, duplicate: 0, forwarded: 0, closed: 0, open: 0 };
}

export const outcomeOf = (status: string): Outcome =>
  (OUTCOMES as readonly string[]).includes(status) ? (status as Outcome) : "open";

/** One row of the daily rollup, grouped as the breakdown needs it. */
export type BreakdownRow = { category: string; subtype: string | null; informationOnly: boolean; status: string; onTime: number; n: number };

/** What the queries return, for assembleStats. */
export type StatsParts = {
  breakdown: { rows: BreakdownRow[]; overdue: { category: string; informationOnly: boolean; count: number }[] };
  firstDecision: Map<Segment, Spread>;
  closure: Map<Segment, Spread>;
  previous: Map<Segment, number>;
  yearEarlier: Map<Segment, number>;
  daily: Stats["daily"];
  backlog: Stats["backlog"];
  moderators: Stats["moderators"];
  topTargets: Stats["topTargets"];
};

/** The dashboard's figures from the queries' results: per segment, then the totals. */
export function assembleStats(q: StatsQuery, now: Date, parts: StatsParts): Stats {
  const { breakdown, firstDecision, closure, previous: prev, yearEarlier: year } = parts;
  const bySegment = new Map<Segment, SegmentStats>();
  const segmentFor = (segment: Segment) => {
    let s = bySegment.get(segment);
    if (!s) {
      s = {
        segment,
        received: 0,
        receivedPrevious: prev.get(segment) ?? 0,
        receivedYearEarlier: year.get(segment) ?? 0,
        outcomes: emptyOutcomes(),
        toFirstDecision: firstDecision.get(segment) ?? { count: 0, median: null, p90: null },
        toClosure: closure.get(segment) ?? { count: 0, median: null, p90: null },
        sla: { onTime: 0, due: 0 },
        subtypes: [],
      };
      bySegment.set(segment, s);
    }
    return s;
  };
  const subtypeCounts = new Map<Segment, Map<string | null, number>>();
  for (const r of breakdown.rows) {
    const segment = segmentOf(r.category, r.informationOnly);
    const s = segmentFor(segment);
    const count = r.n;
    s.received += count;
    s.outcomes[outcomeOf(r.status)] += count;
    if (r.onTime === 1) s.sla.onTime += count;
    if (r.onTime !== -1) s.sla.due += count;
    const subtype = r.subtype;
    const subs = subtypeCounts.get(segment) ?? new Map<string | null, number>();
    subs.set(subtype, (subs.get(subtype) ?? 0) + count);
    subtypeCounts.set(segment, subs);
  }
  for (const o of breakdown.overdue) segmentFor(segmentOf(o.category, o.informationOnly)).sla.due += o.count;
  for (const [segment, subs] of subtypeCounts) {
    segmentFor(segment).subtypes = [...subs]
      .map(([subtype, received]) => ({ subtype, received }))
      .filter((sub) => sub.received > 0)
      .sort((a, b) => b.received - a.received || String(a.subtype).localeCompare(String(b.subtype)));
  }
  // Segments with nothing in the range still show, with zeros, when comparisons have data.
  for (const segment of [...prev.keys(), ...year.keys()]) segmentFor(segment);

  const wanted = SEGMENTS.filter((s) => !q.category || categoryOfSegment(s) === q.category);
  const segments = wanted.map(segmentFor);
  const totals = {
    received: segments.reduce((a, s) => a + s.received, 0),
    receivedPrevious: segments.reduce((a, s) => a + s.receivedPrevious, 0),
    receivedYearEarlier: segments.reduce((a, s) => a + s.receivedYearEarlier, 0),
    outcomes: segments.reduce((acc, s) => {
      for (const o of OUTCOMES) acc[o] += s.outcomes[o];
      return acc;
    }, emptyOutcomes()),
    sla: segments.reduce((acc, s) => ({ onTime: acc.onTime + s.sla.onTime, due: acc.due + s.sla.due }), { onTime: 0, due: 0 }),
  };
  return { query: q, asOf: now, segments, totals, daily: parts.daily, backlog: parts.backlog, moderators: parts.moderators, topTargets: parts.topTargets };
}

/** Relative change, or null when there is nothing to compare with. */
export const change = (now: number, before: number): number | null => (before === 0 ? null : (now - before) / before);

/** The daily series over [from, to], grouped by day, ISO week (its Monday) or month (its first day), gaps filled with zeros. */
export function series(daily: Stats["daily"], interval: Interval, from: Day, to: Day, categories: readonly Category[] = CATEGORIES) {
  const keyOf = (day: Day) => (interval === "day" ? day : interval === "week" ? weekOf(day) : monthOf(day) * 100 + 1);
  const empty = () => Object.fromEntries(categories.map((c) => [c, 0])) as Record<Category, number>;
  const buckets = new Map<Day, Record<Category, number>>();
  for (let day = from; day <= to; day = addDays(day, 1)) if (!buckets.has(keyOf(day))) buckets.set(keyOf(day), empty());
  for (const row of daily) {
    const bucket = buckets.get(keyOf(row.day));
    if (bucket && row.category in bucket) bucket[row.category] += row.received;
  }
  return [...buckets].map(([start, counts]) => ({ start, counts }));
}
