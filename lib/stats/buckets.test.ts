import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUCKET_BOUNDS, bucketOf, bucketRange } from "./buckets";

describe("duration buckets", () => {
  it("put each duration in the bucket whose range holds it", () => {
    for (const secs of [0, 59, 60, 61, 3600, 86_400, 10_000_000]) {
      const { from, to } = bucketRange(bucketOf(secs));
      expect(secs).toBeGreaterThanOrEqual(from);
      if (to !== null) expect(secs).toBeLessThan(to);
    }
    expect(bucketOf(59)).toBe(0);
    expect(bucketOf(60)).toBe(1);
  });

  it("match the CASE expression in the statistics migration's triggers", () => {
    const dir = path.join(import.meta.dirname, "..", "..", "prisma", "migrations");
    const migration = readdirSync(dir).find((d) => d.endsWith("_statistics"))!;
    const sql = readFileSync(path.join(dir, migration, "migration.sql"), "utf8");
    const trigger = sql.slice(sql.indexOf('CREATE TRIGGER "Report_stats_insert"'));
    const firstCase = trigger.slice(trigger.indexOf("(CASE"), trigger.indexOf("END)"));
    const bounds = [...firstCase.matchAll(/< (\d+) THEN (\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(bounds).toEqual(BUCKET_BOUNDS.map((b, i) => [b, i]));
  });
});
