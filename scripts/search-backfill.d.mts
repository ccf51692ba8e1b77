/** Indexes the reports without a search row; returns how many it indexed (search-backfill.mjs). */
export function backfillSearch(url?: string): Promise<number>;
