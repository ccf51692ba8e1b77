/**
 * Duration buckets of the statistics rollups: bucket 0 is under one minute, and each next
 * bucket starts 2^(1/4) (about 19 %) later, up to about a month; the last is open-ended.
 * Percentiles read the bucket counts to find which bucket holds the wanted rank, then read
 * the exact value from the reports in that bucket alone (lib/server/admin/stats.ts), so
 * they stay exact while touching a small slice of the rows.
 *
 * The same bounds are written out as a CASE expression in the triggers of the migration
 * `*_statistics`; a unit test checks that the two agree.
 */
export const BUCKET_BOUNDS: readonly number[] = Array.from({ length: 63 }, (_, i) => Math.round(60 * 2 ** (i / 4)));
export const BUCKET_COUNT = BUCKET_BOUNDS.length + 1;

/** The bucket of a duration in seconds. */
export function bucketOf(secs: number): number {
  let lo = 0;
  let hi = BUCKET_BOUNDS.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (secs < BUCKET_BOUNDS[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** [from, to) seconds of a bucket; `to` is null for the last. */
export function bucketRange(bucket: number): { from: number; to: number | null } {
  return { from: bucket === 0 ? 0 : BUCKET_BOUNDS[bucket - 1], to: bucket < BUCKET_BOUNDS.length ? BUCKET_BOUNDS[bucket] : null };
}

/** The SQL of bucketOf, for triggers and backfills. */
export function bucketSql(column: string): string {
  const arms = BUCKET_BOUNDS.map((bound, i) => `WHEN ${column} < ${bound} THEN ${i}`).join(" ");
  return `(CASE ${arms} ELSE ${BUCKET_BOUNDS.length} END)`;
}
