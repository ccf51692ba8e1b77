import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { bucketRange } from "@/lib/stats/buckets";
import type { Day } from "@/lib/stats/days";
import { db } from "../db";

/**
 * Exact percentiles over millions of rows without sorting them: the rollups' duration
 * buckets (lib/stats/buckets.ts) say which bucket holds the wanted rank, and one short index
 * range over the rows in that bucket gives the exact value.
 */

/** Median (mean of the two middle values) and 90th percentile (nearest rank), in seconds. */
export type Spread = { count: number; median: number | null; p90: number | null };

const n = (value: unknown) => Number(value ?? 0);

/**
 * Finds the values at the given 1-based ranks among the values whose bucket counts are
 * given: walks the cumulative counts to the bucket that holds each rank, then reads the
 * exact value from that bucket with `fetch(bucket, offset, count)`, an index range read.
 */
export async function valuesAtRanks(
  buckets: Map<number, number>,
  ranks: number[],
  fetch: (bucket: number, offset: number, count: number) => Promise<number[]>,
): Promise<Map<number, number>> {
  const ordered = [...buckets].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const wanted = new Map<number, { offset: number; rank: number }[]>();
  let before = 0;
  for (const [bucket, count] of ordered) {
    for (const rank of ranks) {
      if (rank > before && rank <= before + count) {
        const list = wanted.get(bucket) ?? [];
        list.push({ offset: rank - before - 1, rank });
        wanted.set(bucket, list);
      }
    }
    before += count;
  }
  const result = new Map<number, number>();
  for (const [bucket, list] of wanted) {
    const first = Math.min(...list.map((w) => w.offset));
    const last = Math.max(...list.map((w) => w.offset));
    const values = await fetch(bucket, first, last - first + 1);
    for (const w of list) result.set(w.rank, values[w.offset - first]);
  }
  return result;
}

export const medianRanks = (count: number) => [Math.floor((count + 1) / 2), Math.floor((count + 2) / 2)];
export const p90Rank = (count: number) => Math.floor((9 * count + 9) / 10);

/** The half-open value range of a bucket, as SQL conditions on `column`. */
export function inBucket(column: Prisma.Sql, bucket: number) {
  const { from, to } = bucketRange(bucket);
  return to === null ? Prisma.sql`${column} >= ${from}` : Prisma.sql`${column} >= ${from} AND ${column} < ${to}`;
}

/**
 * Exact median (mean of the two middle values) and 90th percentile (nearest rank) of a
 * duration over the reports of one category (and kind, when `info` is given) received in
 * [from, to].
 */
export async function spreadOf(
  metric: "first" | "closure",
  where: { category: string; info?: boolean },
  from: Day,
  to: Day,
): Promise<Spread> {
  const column = Prisma.raw(metric === "first" ? `"firstDecisionSecs"` : `"closureSecs"`);
  const kind = where.info === undefined ? Prisma.empty : Prisma.sql`AND "informationOnly" = ${where.info}`;
  const rows = await db.$queryRaw<{ bucket: unknown; n: unknown }[]>`
    SELECT "bucket", SUM("n") AS n FROM "StatsDuration"
    WHERE "metric" = ${metric} AND "category" = ${where.category} ${kind} AND "day" BETWEEN ${from} AND ${to}
    GROUP BY "bucket"`;
  const buckets = new Map(rows.map((r) => [n(r.bucket), n(r.n)]));
  const count = [...buckets.values()].reduce((a, b) => a + b, 0);
  if (count === 0) return { count: 0, median: null, p90: null };
  const [lo, hi] = medianRanks(count);
  const p90 = p90Rank(count);
  const values = await valuesAtRanks(buckets, [lo, hi, p90], async (bucket, offset, take) => {
    const found = await db.$queryRaw<{ v: unknown }[]>`
      SELECT ${column} AS v FROM "Report"
      WHERE "category" = ${where.category} ${kind} AND ${inBucket(column, bucket)} AND "receivedDay" BETWEEN ${from} AND ${to}
      ORDER BY ${column} LIMIT ${take} OFFSET ${offset}`;
    return found.map((f) => n(f.v));
  });
  return { count, median: (values.get(lo)! + values.get(hi)!) / 2, p90: values.get(p90)! };
}

