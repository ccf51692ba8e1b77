import "server-only";
import { unstable_cache } from "next/cache";
import { dayOf, type Day } from "@/lib/stats/days";
import { CATEGORIES, type Category } from "@/lib/validation/options";
import { db } from "../db";
import { spreadOf } from "./percentiles";

/**
 * The public transparency report: per category and month of receipt, for the last 12
 * complete months, how many reports came in, were actioned, forwarded or rejected, and the
 * median days to the first decision. Counts under 5 are published as "<5" (SUPPRESSED), and
 * a median only over at least 5 decided reports, so that no cell points at one case.
 */
export const MIN_PUBLISHED = 5;
export const SUPPRESSED = "<5";

export type PublicCount = number | typeof SUPPRESSED;
export type TransparencyRow = {
  month: number; // YYYYMM
  received: PublicCount;
  actioned: PublicCount;
  forwarded: PublicCount;
  rejected: PublicCount;
  /** Median days to first decision, one decimal; null when fewer than 5 were decided. */
  medianDays: number | null;
};
export type Transparency = { asOf: string; months: number[]; categories: Record<Category, TransparencyRow[]> };

export const publish = (n: number): PublicCount => (n < MIN_PUBLISHED ? SUPPRESSED : n);

/** The 12 complete months before the one `today` is in, oldest first, as YYYYMM. */
export function lastTwelveMonths(today: Day): number[] {
  let y = Math.floor(today / 10_000);
  let m = Math.floor(today / 100) % 100;
  const months: number[] = [];
  for (let i = 0; i < 12; i++) {
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
    months.unshift(y * 100 + m);
  }
  return months;
}

const n = (v: unknown) => Number(v ?? 0);

export async function computeTransparency(now = new Date()): Promise<Transparency> {
  const months = lastTwelveMonths(dayOf(now));
  const from = months[0] * 100 + 1;
  const to = months[11] * 100 + 31;
  const counts = await db.$queryRaw<{ category: string; month: unknown; status: string; n: unknown }[]>`
    SELECT "category", "day" / 100 AS month, "status", SUM("n") AS n FROM "StatsDaily"
    WHERE "day" BETWEEN ${from} AND ${to}
    GROUP BY "category", "day" / 100, "status"`;
  const raw = new Map<string, { received: number; actioned: number; forwarded: number; rejected: number }>();
  for (const r of counts) {
    const key = `${r.category}|${n(r.month)}`;
    const cell = raw.get(key) ?? { received: 0, actioned: 0, forwarded: 0, rejected: 0 };
    cell.received += n(r.n);
    if (r.status === "actioned" || r.status === "forwarded" || r.status === "rejected") cell[r.status] += n(r.n);
    raw.set(key, cell);
  }
  const medians = new Map<string, number | null>();
  for (const category of CATEGORIES) {
    for (const month of months) {
      const spread = await spreadOf("first", { category }, month * 100 + 1, month * 100 + 31);
      medians.set(`${category}|${month}`, spread.count >= MIN_PUBLISHED ? spread.median : null);
    }
  }
  const categories = Object.fromEntries(
    CATEGORIES.map((category) => [
      category,
      months.map((month) => {
        const cell = raw.get(`${category}|${month}`) ?? { received: 0, actioned: 0, forwarded: 0, rejected: 0 };
        const median = medians.get(`${category}|${month}`) ?? null;
        return {
          month,
          received: publish(cell.received),
          actioned: publish(cell.actioned),
          forwarded: publish(cell.forwarded),
          rejected: publish(cell.rejected),
          medianDays: median === null ? null : Math.round((median / 86_400) * 10) / 10,
        };
      }),
    ]),
  ) as Record<Category, TransparencyRow[]>;
  return { asOf: now.toISOString(), months, categories };
}

/**
 * The report is public and its months are complete, so one computation per instance per
 * hour serves everyone; the figures say when they were computed.
 */
export const getTransparency = unstable_cache(() => computeTransparency(), ["transparency-v1"], { revalidate: 3600 });

export const TRANSPARENCY_COLUMNS = ["category", "month", "received", "actioned", "forwarded", "rejected", "median_days_to_decision"] as const;
