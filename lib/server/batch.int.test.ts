import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/reports/batch/route";
import { createPartner } from "@/lib/server/admin/partners";
import { db } from "@/lib/server/db";
import { SAMPLE_EML, validCrime, validHarmfulInfo, validSpam } from "@/lib/validation/fixtures";
import { failReportInsert } from "./testing/faults";
import { jsonRequest, snapshot } from "./testing/requests";

let key = "";
beforeAll(async () => {
  key = (await createPartner({ name: "Batch test partner" }, null)).key;
});

const batch = (reports: unknown, headers: Record<string, string> = {}) =>
  POST(jsonRequest("/api/v1/reports/batch", reports === undefined ? "" : { reports }, { "accept-language": "en", authorization: `Bearer ${key}`, ...headers }));

describe("POST /api/v1/reports/batch", () => {
  it("validates each item on its own and answers in input order", async () => {
    const before = await snapshot();
    const response = await batch([validSpam(), { ...validHarmfulInfo(), platform: "tv" }, validCrime(), "nonsense"]);
    expect(response.status).toBe(200);
    const { results } = await response.json();
    expect(results.map((r: { index: number; status: number }) => [r.index, r.status])).toEqual([
      [0, 201],
      [1, 422],
      [2, 201],
      [3, 422],
    ]);
    expect(results[0]).toMatchObject({ id: expect.any(String), receipt: expect.stringMatching(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/) });
    expect(results[1].error).toEqual({ code: "validation", message: expect.any(String), fields: { platform: ["Choose one of the options."] } });
    expect(results[1]).not.toHaveProperty("id");
    expect((await snapshot()).reports).toBe(before.reports + 2);
  });

  it("refuses an empty or oversized batch, a non-JSON body and broken JSON", async () => {
    expect((await batch([])).status).toBe(422);
    expect((await batch(Array.from({ length: 101 }, validSpam))).status).toBe(422);
    expect((await batch(undefined)).status).toBe(400);
    const form = await POST(
      jsonRequest("/api/v1/reports/batch", "reports=1", { "content-type": "application/x-www-form-urlencoded", authorization: `Bearer ${key}` }),
    );
    expect(form.status).toBe(415);
  });

  it("takes 100 reports in one request", async () => {
    const before = await snapshot();
    const response = await batch(Array.from({ length: 100 }, (_, i) => ({ ...validSpam(), sender: `1069${String(i).padStart(6, "0")}` })));
    const { results } = await response.json();
    expect(results.filter((r: { status: number }) => r.status === 201)).toHaveLength(100);
    expect((await snapshot()).reports).toBe(before.reports + 100);
  });

  it("honours idempotencyKey per item: a retried batch creates nothing new, a changed item is refused", async () => {
    const items = [
      { ...validSpam(), idempotencyKey: "partner-7-a" },
      { ...validCrime(), idempotencyKey: "partner-7-b" },
    ];
    const first = (await (await batch(items)).json()).results;
    const after = await snapshot();
    const again = (await (await batch(items)).json()).results;
    expect(again).toEqual(first);
    expect(await snapshot()).toEqual(after);

    const changed = (await (await batch([items[0], { ...items[1], description: "A different report under the same key." }])).json()).results;
    expect(changed[0]).toEqual(first[0]);
    expect(changed[1]).toMatchObject({ status: 422, error: { code: "idempotency_mismatch" } });
  });

  it("stores an item repeated in one batch with the same key once", async () => {
    const item = { ...validSpam(), idempotencyKey: "twice-in-one" };
    const before = await snapshot();
    const { results } = await (await batch([item, item])).json();
    expect(results[1]).toMatchObject({ index: 1, status: 201, id: results[0].id, receipt: results[0].receipt });
    expect((await snapshot()).reports).toBe(before.reports + 1);
  });

  it("writes all valid items or none: a failure leaves no row and no file", async () => {
    const restore = await failReportInsert("FAIL THIS INSERT PLEASE");
    try {
      const before = await snapshot();
      const email = { ...validSpam(), channel: "email", sender: "a@b.example", recipient: undefined, content: undefined, rawEmail: SAMPLE_EML };
      const response = await batch([email, validCrime(), { ...validSpam(), description: "FAIL THIS INSERT PLEASE" }]);
      expect(response.status).toBe(500);
      expect(JSON.stringify(await response.json())).not.toMatch(/injected|SELECT|prisma/i);
      expect(await snapshot()).toEqual(before);
    } finally {
      await restore();
    }
  });
});
