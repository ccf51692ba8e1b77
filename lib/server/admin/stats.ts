import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { addDays, daysBetween, monthOf, weekOf, yearEarlier, type Day } from "@/lib/stats/days";
import { CATEGORIES, type Category } from "@/lib/validation/options";
import { db } from "../db";
import { inBucket, medianRanks, spreadOf, valuesAtRanks, type Spread } from "./percentiles";

export type { Spread };

/**
 * Statistics for the admin dashboard, the exports and the public transparency page.
 *
 * Counts come from rollup tables (StatsDaily, StatsDuration, StatsHandling, TargetTotal)
 * that database triggers keep in step with every write, in the same transaction, so they
 * are exact and a year of history is a few thousand rows. Percentiles are exact too: the
 * rollups' duration buckets (lib/stats/buckets.ts) say which bucket holds the wanted rank,
 * and one short index range over the reports in that bucket gives the value. The SQL is
 * portable between SQLite and PostgreSQL: `Prisma.sql` places the parameters and booleans
 * are read through CASE.
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

const n = (value: unknown) => Number(value ?? 0);
const categoryFilter = (category: Category | null, column = Prisma.sql`"category"`) =>
  category ? Prisma.sql`AND ${column} = ${category}` : Prisma.empty;

/** The range as the DSA/CAC reports compare it: the previous period and a year earlier. */
export function comparisonRanges({ from, to }: StatsQuery) {
  const length = daysBetween(from, to) + 1;
  return {
    previous: { from: addDays(from, -length), to: addDays(from, -1) },
    yearEarlier: { from: yearEarlier(from), to: yearEarlier(to) },
  };
}

async function receivedBySegment(from: Day, to: Day, category: Category | null) {
  const rows = await db.$queryRaw<{ category: string; info: unknown; n: unknown }[]>`
    SELECT "category", "informationOnly" AS info, SUM("n") AS n FROM "StatsDaily"
    WHERE "day" BETWEEN ${from} AND ${to} ${categoryFilter(category)}
    GROUP BY "category", "informationOnly"`;
  const counts = new Map<Segment, number>();
  for (const r of rows) {
    const segment = segmentOf(r.category, truthy(r.info));
    counts.set(segment, (counts.get(segment) ?? 0) + n(r.n));
  }
  return counts;
}

/** SQLite returns booleans as 0/1, PostgreSQL as true/false. */
const truthy = (value: unknown) => value === true || Number(value) === 1;

async function spreads(metric: "first" | "closure", q: StatsQuery): Promise<Map<Segment, Spread>> {
  const result = new Map<Segment, Spread>();
  for (const segment of SEGMENTS) {
    const category = categoryOfSegment(segment);
    if (q.category && q.category !== category) continue;
    const info = category === "crime" ? segment === "crime-info" : false;
    const spread = await spreadOf(metric, { category, info }, q.from, q.to);
    if (spread.count > 0) result.set(segment, spread);
  }
  return result;
}

async function outcomesAndSla(q: StatsQuery, now: Date) {
  const rows = await db.$queryRaw<{ category: string; subtype: string; info: unknown; status: string; ontime: unknown; n: unknown }[]>`
    SELECT "category", "subtype", "informationOnly" AS info, "status", "onTime" AS ontime, SUM("n") AS n
    FROM "StatsDaily"
    WHERE "day" BETWEEN ${q.from} AND ${q.to} ${categoryFilter(q.category)}
    GROUP BY "category", "subtype", "informationOnly", "status", "onTime"`;
  // Undecided reports already past expected-by count against the SLA too. Only reports
  // still "received" or "in-review" can be undecided (asking for information decides).
  const overdue = await db.report.groupBy({
    by: ["category", "informationOnly"],
    where: {
      status: { in: ["received", "in-review"] },
      expectedBy: { lt: now },
      firstDecisionAt: null,
      receivedDay: { gte: q.from, lte: q.to },
      ...(q.category ? { category: q.category } : {}),
    },
    _count: { _all: true },
  });
  return { rows, overdue };
}

function emptyOutcomes(): Record<Outcome, number> {
  return { actioned: 0, rejected: 0, duplicate: 0, forwarded: 0, closed: 0, open: 0 };
}

const outcomeOf = (status: string): Outcome =>
  (OUTCOMES as readonly string[]).includes(status) ? (status as Outcome) : "open";

async function backlog(category: Category | null, now: Date): Promise<Stats["backlog"]> {
  const where = { isOpen: true, ...(category ? { category } : {}) };
  const byStatusRows = await db.report.groupBy({ by: ["status"], where, _count: { _all: true } });
  const byStatus: Record<string, number> = {};
  for (const r of byStatusRows) byStatus[r.status] = r._count._all;
  const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const [a, b, c, d] = await Promise.all([
    db.report.count({ where: { ...where, submittedAt: { gt: ago(1) } } }),
    db.report.count({ where: { ...where, submittedAt: { gt: ago(3), lte: ago(1) } } }),
    db.report.count({ where: { ...where, submittedAt: { gt: ago(7), lte: ago(3) } } }),
    db.report.count({ where: { ...where, submittedAt: { lte: ago(7) } } }),
  ]);
  const oldest = await db.report.findFirst({ where, orderBy: [{ submittedAt: "asc" }, { id: "asc" }], select: { id: true, submittedAt: true } });
  return { byStatus, byAge: { "under-1d": a, "1-3d": b, "3-7d": c, "over-7d": d }, total: a + b + c + d, oldest };
}

async function moderators(q: StatsQuery): Promise<Stats["moderators"]> {
  const rows = await db.$queryRaw<{ actor: string; bucket: unknown; n: unknown; overturned: unknown }[]>`
    SELECT "actorId" AS actor, "bucket", SUM("n") AS n, SUM("overturned") AS overturned FROM "StatsHandling"
    WHERE "day" BETWEEN ${q.from} AND ${q.to} ${categoryFilter(q.category)}
    GROUP BY "actorId", "bucket"`;
  const perActor = new Map<string, { decisions: number; overturned: number; buckets: Map<number, number> }>();
  for (const r of rows) {
    const entry = perActor.get(r.actor) ?? { decisions: 0, overturned: 0, buckets: new Map() };
    entry.decisions += n(r.n);
    entry.overturned += n(r.overturned);
    if (n(r.bucket) >= 0) entry.buckets.set(n(r.bucket), n(r.n));
    perActor.set(r.actor, entry);
  }
  const handling = Prisma.sql`e."handlingSecs"`;
  const result: Stats["moderators"] = [];
  const users = await db.user.findMany({ where: { id: { in: [...perActor.keys()] } }, select: { id: true, email: true, name: true } });
  const byId = new Map(users.map((u) => [u.id, u]));
  for (const [actor, entry] of perActor) {
    if (entry.decisions === 0) continue;
    const timed = [...entry.buckets.values()].reduce((a, b) => a + b, 0);
    let median: number | null = null;
    if (timed > 0) {
      const [lo, hi] = medianRanks(timed);
      const values = await valuesAtRanks(entry.buckets, [lo, hi], async (bucket, offset, take) => {
        const found = await db.$queryRaw<{ v: unknown }[]>`
          SELECT ${handling} AS v FROM "StatusEvent" e
          WHERE e."actorId" = ${actor} ${categoryFilter(q.category, Prisma.sql`e."category"`)}
            AND ${inBucket(handling, bucket)} AND e."decidedDay" BETWEEN ${q.from} AND ${q.to}
          ORDER BY ${handling} LIMIT ${take} OFFSET ${offset}`;
        return found.map((f) => n(f.v));
      });
      median = (values.get(lo)! + values.get(hi)!) / 2;
    }
    const user = byId.get(actor);
    result.push({
      id: actor,
      email: user?.email ?? actor,
      name: user?.name ?? "",
      decisions: entry.decisions,
      medianHandlingSecs: median,
      overturned: entry.overturned,
    });
  }
  return result.sort((a, b) => b.decisions - a.decisions || a.email.localeCompare(b.email));
}

/** Candidates the threshold search may look at before it scans the range instead. */
const TARGET_CANDIDATES = 2000;

/**
 * The targets named by most reports received in the range. A target's count in the range
 * cannot exceed its all-time total (TargetTotal), so the search takes targets by total,
 * counts each in the range, and stops once the next total cannot beat the list's last
 * entry. When too many candidates would be needed, one scan of the range decides instead.
 */
async function topTargets(q: StatsQuery, limit = 10): Promise<Stats["topTargets"]> {
  const inCategory = categoryFilter(q.category, Prisma.sql`t."category"`);
  const best: Stats["topTargets"] = [];
  const byRank = (a: { reports: number; kind: string; value: string }, b: typeof a) =>
    b.reports - a.reports || a.kind.localeCompare(b.kind) || a.value.localeCompare(b.value);
  const threshold = () => (best.length < limit ? 2 : best[best.length - 1].reports);
  for (let offset = 0; offset < TARGET_CANDIDATES; offset += 100) {
    const candidates = await db.targetTotal.findMany({
      where: { total: { gte: threshold() } },
      orderBy: [{ total: "desc" }, { kind: "asc" }, { value: "asc" }],
      skip: offset,
      take: 100,
    });
    for (const c of candidates) {
      if (c.total < threshold()) return best;
      const [row] = await db.$queryRaw<{ n: unknown }[]>`
        SELECT COUNT(*) AS n FROM "TargetKey" t
        WHERE t."kind" = ${c.kind} AND t."value" = ${c.value} AND t."receivedDay" BETWEEN ${q.from} AND ${q.to} ${inCategory}`;
      const reports = n(row.n);
      if (reports < 2) continue;
      best.push({ kind: c.kind, value: c.value, reports });
      best.sort(byRank);
      if (best.length > limit) best.pop();
    }
    if (candidates.length < 100) return best;
  }
  const rows = await db.$queryRaw<{ kind: string; value: string; n: unknown }[]>`
    SELECT t."kind" AS kind, t."value" AS value, COUNT(*) AS n FROM "TargetKey" t
    WHERE t."receivedDay" BETWEEN ${q.from} AND ${q.to} ${inCategory}
    GROUP BY t."kind", t."value" HAVING COUNT(*) > 1
    ORDER BY n DESC, kind, value LIMIT ${limit}`;
  return rows.map((r) => ({ kind: r.kind, value: r.value, reports: n(r.n) }));
}

async function daily(q: StatsQuery): Promise<Stats["daily"]> {
  const rows = await db.$queryRaw<{ day: unknown; category: string; n: unknown }[]>`
    SELECT "day", "category", SUM("n") AS n FROM "StatsDaily"
    WHERE "day" BETWEEN ${q.from} AND ${q.to} ${categoryFilter(q.category)}
    GROUP BY "day", "category" ORDER BY "day"`;
  return rows.map((r) => ({ day: n(r.day), category: r.category as Category, received: n(r.n) }));
}

/** Everything the dashboard shows, for reports received in [from, to] (Beijing days). */
export async function getStats(q: StatsQuery, now = new Date()): Promise<Stats> {
  const { previous, yearEarlier: lastYear } = comparisonRanges(q);
  // SQLite runs one query at a time on its connection; on PostgreSQL these overlap.
  const [breakdown, firstDecision, closure, prev, year, series, back, mods, targets] = await Promise.all([
    outcomesAndSla(q, now),
    spreads("first", q),
    spreads("closure", q),
    receivedBySegment(previous.from, previous.to, q.category),
    receivedBySegment(lastYear.from, lastYear.to, q.category),
    daily(q),
    backlog(q.category, now),
    moderators(q),
    topTargets(q),
  ]);

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
    const segment = segmentOf(r.category, truthy(r.info));
    const s = segmentFor(segment);
    const count = n(r.n);
    s.received += count;
    s.outcomes[outcomeOf(r.status)] += count;
    if (n(r.ontime) === 1) s.sla.onTime += count;
    if (n(r.ontime) !== -1) s.sla.due += count;
    const subtype = r.subtype === "" ? null : r.subtype;
    const subs = subtypeCounts.get(segment) ?? new Map<string | null, number>();
    subs.set(subtype, (subs.get(subtype) ?? 0) + count);
    subtypeCounts.set(segment, subs);
  }
  for (const o of breakdown.overdue) segmentFor(segmentOf(o.category, o.informationOnly)).sla.due += o._count._all;
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
  return { query: q, asOf: now, segments, totals, daily: series, backlog: back, moderators: mods, topTargets: targets };
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
