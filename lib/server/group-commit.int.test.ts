import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/reports/route";
import { db } from "@/lib/server/db";
import { validHarmfulInfo, validSpam } from "@/lib/validation/fixtures";
import { failReportInsert } from "./testing/faults";
import { jsonRequest, snapshot } from "./testing/requests";

const submit = (body: unknown, headers: Record<string, string> = {}) => POST(jsonRequest("/api/v1/reports", body, { "accept-language": "en", ...headers }));
const onUrl = (url: string, description = "This site runs an unlicensed online casino and advertises it in group chats.") => ({
  ...validHarmfulInfo(),
  urls: [url],
  description,
});

/**
 * Concurrent submissions share transactions (group-commit.ts). Sent at once, these land
 * in the same group or in consecutive ones, and every outcome must be what it would be
 * one at a time.
 */
describe("group commit", () => {
  it("stores concurrent reports once each, counting the reports on the same target before each", async () => {
    const before = await snapshot();
    const responses = await Promise.all(Array.from({ length: 12 }, () => submit(onUrl("https://same-target.example.com/page"))));
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(responses.map((r) => r.status)).toEqual(Array(12).fill(201));
    expect(new Set(bodies.map((b) => b.id)).size).toBe(12);
    // Each is counted against the ones written before it: 0, 1, …, 11 in some order.
    expect(bodies.map((b) => b.sameTargetCount).sort((a, b) => a - b)).toEqual([...Array(12).keys()]);
    const after = await snapshot();
    expect(after.reports - before.reports).toBe(12);
    expect(after.targets - before.targets).toBe(12);
    expect(after.events - before.events).toBe(12);
    // Every open report on the target now counts the 11 others: the queue sees the same
    // figure whichever group each was written in.
    const rows = await db.report.findMany({ where: { id: { in: bodies.map((b) => b.id) } }, select: { targetCount: true } });
    expect(rows.map((r) => r.targetCount)).toEqual(Array(12).fill(11));
  });

  it("fails only the request whose rows the database refuses", async () => {
    const refused = "A report the database refuses to store, for this test only.";
    const restore = await failReportInsert(refused);
    try {
      const before = await snapshot();
      const responses = await Promise.all([
        submit(onUrl("https://group-a.example.com/")),
        submit(onUrl("https://group-b.example.com/", refused)),
        submit({ ...validSpam(), sender: "10690001" }),
        submit(onUrl("https://group-c.example.com/")),
      ]);
      expect(responses.map((r) => r.status)).toEqual([201, 500, 201, 201]);
      expect((await snapshot()).reports - before.reports).toBe(3);
    } finally {
      await restore();
    }
  });

  it("answers concurrent retries with one idempotency key with one report", async () => {
    const before = await snapshot();
    const body = onUrl("https://idempotent-group.example.com/");
    const responses = await Promise.all(Array.from({ length: 6 }, () => submit(body, { "idempotency-key": "group-commit-key-1" })));
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(responses.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect(new Set(bodies.map((b) => b.receipt)).size).toBe(1);
    expect((await snapshot()).reports - before.reports).toBe(1);
  });
});
