import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/reports/batch/route";
import { createPartner, listPartners, revokePartner } from "@/lib/server/admin/partners";
import { db } from "@/lib/server/db";
import { listQueue, queueFiltersSchema } from "@/lib/server/moderation/queue";
import { dayOf } from "@/lib/stats/days";
import { validHarmfulInfo, validSpam } from "@/lib/validation/fixtures";
import { POST as submitOne } from "@/app/api/v1/reports/route";
import { hashPartnerKey } from "./partners";
import { jsonRequest, snapshot } from "./testing/requests";

const batch = (reports: unknown[], authorization?: string) =>
  POST(jsonRequest("/api/v1/reports/batch", { reports }, { "accept-language": "en", ...(authorization ? { authorization } : {}) }));

let n = 0;
/** A spam report on a target no other test uses. */
const spam = () => ({ ...validSpam(), sender: `1065${String(++n).padStart(6, "0")}` });

describe("partner keys on POST /api/v1/reports/batch", () => {
  it("refuses a request without a key, with a malformed or an unknown one: 401, nothing stored, body never read", async () => {
    const before = await snapshot();
    const unknown = `rpk_${"A".repeat(43)}`;
    for (const authorization of [undefined, "Bearer", "Basic dXNlcjpwYXNz", `Bearer ${unknown}`, `Bearer ${unknown} extra`, "Bearer rpk_short"]) {
      const response = await batch([spam()], authorization);
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect((await response.json()).error).toEqual({ code: "unauthorized", message: expect.stringContaining("Authorization: Bearer") });
    }
    // Not even a broken body gets a 400 before the key is checked.
    const raw = await POST(jsonRequest("/api/v1/reports/batch", "{not json", {}));
    expect(raw.status).toBe(401);
    expect(await snapshot()).toEqual(before);
  });

  it("stores only a hash of the key, shown once at creation", async () => {
    const { id, key } = await createPartner({ name: "Hash check" }, null);
    expect(key).toMatch(/^rpk_[A-Za-z0-9_-]{43}$/);
    const row = await db.partner.findUniqueOrThrow({ where: { id } });
    expect(row.keyHash).toBe(hashPartnerKey(key));
    expect(JSON.stringify(row)).not.toContain(key.slice(4));
    expect(row.keyPrefix).toBe(key.slice(0, 10));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "partner-create" }, orderBy: { at: "desc" } });
    expect(audit.after).not.toContain(key.slice(10));
  });

  it("answers 200 with a valid key and 403 once it is revoked, storing nothing then", async () => {
    const { id, key } = await createPartner({ name: "Revoked later" }, null);
    const ok = await batch([spam()], `Bearer ${key}`);
    expect(ok.status).toBe(200);
    expect((await ok.json()).results[0].status).toBe(201);

    const admin = await db.user.create({ data: { email: "revoker@partners.test", name: "Revoker", role: "ADMIN", passwordHash: "x" } });
    await revokePartner(id, admin);
    await expect(revokePartner(id, admin)).rejects.toMatchObject({ code: "already_revoked" });
    const events = await db.auditEvent.findMany({ where: { action: "partner-revoke", actorId: admin.id } });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0].after!)).toMatchObject({ partnerId: id, via: "admin" });

    const before = await snapshot();
    const refused = await batch([spam()], `bearer ${key}`);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("forbidden");
    expect(await snapshot()).toEqual(before);
  });

  it("counts every request and the reports it stored in the key's row of the day", async () => {
    const { id, key } = await createPartner({ name: "Counted" }, null);
    const auth = `Bearer ${key}`;
    const answers = await Promise.all([batch([spam(), spam()], auth), batch([spam(), { nonsense: true }], auth), batch([spam()], auth)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const retried = [{ ...spam(), idempotencyKey: "count-me-once" }];
    await batch(retried, auth);
    await batch(retried, auth); // a replay: a request, but no new report

    const today = await db.partnerUsage.findUniqueOrThrow({ where: { partnerId_day: { partnerId: id, day: dayOf(new Date()) } } });
    expect(today).toMatchObject({ requests: 5, reports: 5 });
    const { partners } = await listPartners(7);
    const row = partners.find((p) => p.id === id)!;
    expect(row.days.at(-1)).toMatchObject({ requests: 5, reports: 5 });
    expect(row.days).toHaveLength(7);
    expect(row.lastUsedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);

    await revokePartner(id, null);
    await batch([spam()], auth);
    expect(await db.partnerUsage.findUniqueOrThrow({ where: { partnerId_day: { partnerId: id, day: dayOf(new Date()) } } })).toMatchObject({
      requests: 6,
      reports: 5,
    });
  });

  it("limits each partner on its own, by its own limit", async () => {
    const tight = await createPartner({ name: "Tight", rateLimit: "2/600" }, null);
    const other = await createPartner({ name: "Other" }, null);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await batch([spam()], `Bearer ${tight.key}`)).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect((await batch([spam()], `Bearer ${other.key}`)).status).toBe(200);
  });

  it("keeps idempotency keys apart between partners", async () => {
    const a = await createPartner({ name: "Partner A" }, null);
    const b = await createPartner({ name: "Partner B" }, null);
    const item = { ...spam(), idempotencyKey: "shared-key-1" };
    const first = (await (await batch([item], `Bearer ${a.key}`)).json()).results[0];
    const other = (await (await batch([item], `Bearer ${b.key}`)).json()).results[0];
    expect(other.status).toBe(201);
    expect(other.receipt).not.toBe(first.receipt);
    const again = (await (await batch([item], `Bearer ${a.key}`)).json()).results[0];
    expect(again).toEqual(first);
  });

  it("marks the reports as the trusted flagger's and puts them before normal ones", async () => {
    await db.report.updateMany({ data: { status: "closed", isOpen: false } });
    const { id, key } = await createPartner({ name: "Flagger Org" }, null);
    const citizen = await (await submitOne(jsonRequest("/api/v1/reports", spam()))).json();
    const top = await (await submitOne(jsonRequest("/api/v1/reports", { ...validHarmfulInfo(), subtype: "terrorism" }))).json();
    const { results } = await (await batch([spam(), { ...validHarmfulInfo(), subtype: "terrorism" }], `Bearer ${key}`)).json();
    const [flagged, flaggedTop] = results.map((r: { id: string }) => r.id);

    const rows = await db.report.findMany({ where: { id: { in: [citizen.id, top.id, flagged, flaggedTop] } } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(citizen.id)).toMatchObject({ partnerId: null, severity: 0 });
    expect(byId.get(top.id)).toMatchObject({ partnerId: null, severity: 2 });
    expect(byId.get(flagged)).toMatchObject({ partnerId: id, severity: 1 });
    expect(byId.get(flaggedTop)).toMatchObject({ partnerId: id, severity: 3 });

    // The partner's spam report came later, so it is due no earlier than the citizen's, yet it comes first.
    expect(byId.get(flagged)!.dueHour).toBeGreaterThanOrEqual(byId.get(citizen.id)!.dueHour);
    const queue = await listQueue(queueFiltersSchema.parse({}), "nobody");
    expect(queue.rows.map((r) => r.id)).toEqual([flaggedTop, top.id, flagged, citizen.id]);
    expect(queue.rows.map((r) => r.partner?.name ?? null)).toEqual(["Flagger Org", null, "Flagger Org", null]);
    const urgent = await listQueue(queueFiltersSchema.parse({ band: "urgent" }), "nobody");
    expect(urgent.rows.map((r) => r.id)).toEqual([flaggedTop, top.id]);
  });
});
