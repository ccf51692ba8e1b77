import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { categoryOfSegment, SEGMENTS, segmentOf, type BreakdownRow, type Segment, type Stats, type StatsQuery } from "@/lib/stats/figures";
import type { Day } from "@/lib/stats/days";
import type { Category } from "@/lib/validation/options";
import { db } from "../db";
import { inBucket, medianRanks, spreadOf, valuesAtRanks, type Spread } from "./percentiles";

/**
 * The statistics' queries, over the rollup tables (StatsDaily, StatsDuration,
 * StatsHandling, TargetTotal) and short index ranges of the reports. The SQL is portable
 * between SQLite and PostgreSQL: `Prisma.sql` places the parameters and booleans are read
 * through CASE or `truthy`.
 */

const n = (value: unknown) => Number(value ?? 0);
const categoryFilter = (category: Category | null, column = Prisma.sql`"category"`) =>
  category ? Prisma.sql`AND ${column} = ${category}` : Prisma.empty;

const truthy = (value: unknown) => value === true || Number(value) === 1;


export async function receivedBySegment(from: Day, to: Day, category: Category | null) {
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


export async function spreads(metric: "first" | "closure", q: StatsQuery): Promise<Map<Segment, Spread>> {
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

export async function outcomesAndSla(q: StatsQuery, now: Date) {
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
  return {
    rows: rows.map((r): BreakdownRow => ({
      category: r.category,
      subtype: r.subtype === "" ? null : r.subtype,
      informationOnly: truthy(r.info),
      status: r.status,
      onTime: n(r.ontime),
      n: n(r.n),
    })),
    overdue: overdue.map((o) => ({ category: o.category, informationOnly: o.informationOnly, count: o._count._all })),
  };
}

export async function backlog(category: Category | null, now: Date): Promise<Stats["backlog"]> {
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

export async function moderators(q: StatsQuery): Promise<Stats["moderators"]> {
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
export async function topTargets(q: StatsQuery, limit = 10): Promise<Stats["topTargets"]> {
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

export async function daily(q: StatsQuery): Promise<Stats["daily"]> {
  const rows = await db.$queryRaw<{ day: unknown; category: string; n: unknown }[]>`
    SELECT "day", "category", SUM("n") AS n FROM "StatsDaily"
    WHERE "day" BETWEEN ${q.from} AND ${q.to} ${categoryFilter(q.category)}
    GROUP BY "day", "category" ORDER BY "day"`;
  return rows.map((r) => ({ day: n(r.day), category: r.category as Category, received: n(r.n) }));
}
