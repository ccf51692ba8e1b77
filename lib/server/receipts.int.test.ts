import { describe, expect, it } from "vitest";
import { GET as categories } from "@/app/api/v1/categories/route";
import { POST as lookup } from "@/app/api/v1/receipts/lookup/route";
import { POST as reply } from "@/app/api/v1/receipts/messages/route";
import { POST as submit } from "@/app/api/v1/reports/route";
import { db } from "@/lib/server/db";
import { validHarmfulInfo, validReports } from "@/lib/validation/fixtures";
import { jsonRequest } from "./testing/requests";

async function file(report = validReports.spam()) {
  const response = await submit(jsonRequest("/api/v1/reports", report));
  expect(response.status).toBe(201);
  return response.json() as Promise<{ id: string; receipt: string }>;
}
const find = (receipt: string, headers?: Record<string, string>) =>
  lookup(jsonRequest("/api/v1/receipts/lookup", { receipt }, headers));
const send = (receipt: string, body: string) => reply(jsonRequest("/api/v1/receipts/messages", { receipt, body }));

describe("POST /api/v1/receipts/lookup", () => {
  it("shows the status, dates, same-target count and thread of a known receipt", async () => {
    const first = await file(validHarmfulInfo());
    const { id, receipt } = await file(validHarmfulInfo());
    await db.message.create({ data: { reportId: id, author: "staff", staffId: "moderator-1", body: "Which group was it posted in?" } });
    const response = await find(receipt.toLowerCase().replace(/-/g, " "));
    expect(response.status).toBe(200);
    const view = await response.json();
    expect(view).toMatchObject({ status: "received", category: "harmful-info", sameTargetCount: 1 });
    expect(view.messages).toEqual([{ from: "staff", body: "Which group was it posted in?", at: expect.any(String) }]);
    expect(JSON.stringify(view)).not.toMatch(/moderator-1|receiptHash|"id"/);
    // The first report's own view counts no earlier report.
    expect((await (await find(first.receipt)).json()).sameTargetCount).toBe(0);
  });

  it("answers 404 not_found for an unknown or malformed receipt, after the same minimum time", async () => {
    const { receipt } = await file();
    const timed = async (code: string) => {
      const started = performance.now();
      const response = await find(code);
      return { status: response.status, body: await response.json(), ms: performance.now() - started };
    };
    const known = await timed(receipt);
    const unknown = await timed("AAAA-BBBB-CCCC-DDDD-EEEE");
    const malformed = await timed("hello");
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("not_found");
    expect(malformed.status).toBe(404);
    // LOOKUP_MIN_MS is 40 in the tests: every answer waits at least that long.
    for (const { ms } of [known, unknown, malformed]) expect(ms).toBeGreaterThanOrEqual(39);
  });

  it("answers 422 when the receipt is missing and 400 for broken JSON", async () => {
    expect((await lookup(jsonRequest("/api/v1/receipts/lookup", {}))).status).toBe(422);
    expect((await lookup(jsonRequest("/api/v1/receipts/lookup", "{"))).status).toBe(400);
  });

  it("is rate-limited per client, with Retry-After, without storing the address", async () => {
    const headers = { "x-forwarded-for": "203.0.113.77" };
    const limit = 10_000; // RATE_LIMIT_LOOKUP in the tests
    await db.rateLimitBucket.updateMany({ data: { count: 0 } });
    let last: Response | undefined;
    // Fill the window directly, then make the request that goes over.
    await find("AAAA-BBBB-CCCC-DDDD-EEEE", headers);
    await db.rateLimitBucket.updateMany({ data: { count: limit } });
    last = await find("AAAA-BBBB-CCCC-DDDD-EEEE", headers);
    expect(last.status).toBe(429);
    expect((await last.json()).error.code).toBe("rate_limited");
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
    const rows = JSON.stringify(await db.rateLimitBucket.findMany());
    expect(rows).not.toContain("203.0.113.77");
  });
});

describe("POST /api/v1/receipts/messages", () => {
  it("adds the reporter's message to the thread", async () => {
    const { receipt } = await file();
    const response = await send(receipt, "The same number called me again today at 9:40.");
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ from: "reporter", body: "The same number called me again today at 9:40." });
    const view = await (await find(receipt)).json();
    expect(view.messages.map((m: { from: string }) => m.from)).toEqual(["reporter"]);
  });

  it("puts a report that needed information back in review", async () => {
    const { id, receipt } = await file();
    await db.report.update({ where: { id }, data: { status: "needs-info" } });
    await send(receipt, "Here is the screenshot description you asked for.");
    const row = await db.report.findUniqueOrThrow({ where: { id }, include: { statusHistory: { orderBy: { at: "asc" } } } });
    expect(row.status).toBe("in-review");
    expect(row.statusHistory.map((e) => e.status)).toEqual(["received", "in-review"]);
  });

  it("answers 409 closed for a closed report, 404 for an unknown receipt, 422 for an empty body", async () => {
    const { id, receipt } = await file();
    await db.report.update({ where: { id }, data: { status: "actioned" } });
    const closed = await send(receipt, "One more thing");
    expect(closed.status).toBe(409);
    expect((await closed.json()).error.code).toBe("closed");
    expect((await send("AAAA-BBBB-CCCC-DDDD-EEEE", "hello")).status).toBe(404);
    expect((await send(receipt, "   ")).status).toBe(422);
    expect(await db.message.count({ where: { reportId: id } })).toBe(0);
  });
});

describe("GET /api/v1/categories", () => {
  it("describes the four forms in both languages", async () => {
    const body = await categories().json();
    expect(body.categories.map((c: { slug: string }) => c.slug)).toEqual(["harmful-info", "crime", "spam", "copyright"]);
    const crime = body.categories.find((c: { slug: string }) => c.slug === "crime");
    expect(crime.name).toEqual({ "zh-CN": "网络违法犯罪与诈骗", en: "Online crime and fraud" });
    const transactions = crime.fields.find((f: { name: string }) => f.name === "transactions");
    expect(transactions).toMatchObject({ requirement: "conditional", when: "moneyLost is true", max: 20 });
    expect(transactions.fields.find((f: { name: string }) => f.name === "method").values).toContain("gift-card");
    expect(body.emergencyNotice.en).toContain("110");
  });
});
