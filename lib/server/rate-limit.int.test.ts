import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { countRequest } from "@/lib/server/rate-limit";

/**
 * Concurrent requests are counted together (one upsert per turn of the event loop); each
 * must still get its own count, as if counted one at a time, or a limit could be passed.
 */
describe("rate-limit counting", () => {
  it("gives concurrent requests distinct, consecutive counts per bucket", async () => {
    const windowEnds = new Date(Date.now() + 60_000);
    const a = Array.from({ length: 40 }, () => countRequest("test-bucket-a", windowEnds));
    const b = Array.from({ length: 25 }, () => countRequest("test-bucket-b", windowEnds));
    const later = await countRequest("test-bucket-a", windowEnds).then(async (first) => [first, await countRequest("test-bucket-a", windowEnds)]);
    const countsA = (await Promise.all(a)).sort((x, y) => x - y);
    const countsB = (await Promise.all(b)).sort((x, y) => x - y);
    expect(countsB).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect([...countsA, ...later].sort((x, y) => x - y)).toEqual(Array.from({ length: 42 }, (_, i) => i + 1));
    const stored = await db.rateLimitBucket.findMany({ where: { key: { in: ["test-bucket-a", "test-bucket-b"] } }, orderBy: { key: "asc" } });
    expect(stored.map((row) => row.count)).toEqual([42, 25]);
  });
});
