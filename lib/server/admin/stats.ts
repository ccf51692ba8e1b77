import "server-only";
import { assembleStats, comparisonRanges, type Stats, type StatsQuery } from "@/lib/stats/figures";
import { backlog, daily, moderators, outcomesAndSla, receivedBySegment, spreads, topTargets } from "./stats-queries";

export type { Spread } from "./percentiles";
export { AGE_BANDS, change, INTERVALS, OUTCOMES, series, type Interval, type Stats, type StatsQuery } from "@/lib/stats/figures";

/**
 * Statistics for the admin dashboard, the exports and the public transparency page.
 *
 * Counts come from rollup tables (StatsDaily, StatsDuration, StatsHandling, TargetTotal)
 * that database triggers keep in step with every write, in the same transaction, so they
 * are exact and a year of history is a few thousand rows. Percentiles are exact too: the
 * rollups' duration buckets (lib/stats/buckets.ts) say which bucket holds the wanted rank,
 * and one short index range over the reports in that bucket gives the value. The queries
 * are in stats-queries.ts; the assembly, which needs no database, in lib/stats/figures.ts.
 */

/** Everything the dashboard shows, for reports received in [from, to] (Beijing days). */
export async function getStats(q: StatsQuery, now = new Date()): Promise<Stats> {
  const { previous, yearEarlier } = comparisonRanges(q);
  // SQLite runs one query at a time on its connection; on PostgreSQL these overlap.
  const [breakdown, firstDecision, closure, prev, year, days, back, mods, targets] = await Promise.all([
    outcomesAndSla(q, now),
    spreads("first", q),
    spreads("closure", q),
    receivedBySegment(previous.from, previous.to, q.category),
    receivedBySegment(yearEarlier.from, yearEarlier.to, q.category),
    daily(q),
    backlog(q.category, now),
    moderators(q),
    topTargets(q),
  ]);
  return assembleStats(q, now, {
    breakdown,
    firstDecision,
    closure,
    previous: prev,
    yearEarlier: year,
    daily: days,
    backlog: back,
    moderators: mods,
    topTargets: targets,
  });
}
