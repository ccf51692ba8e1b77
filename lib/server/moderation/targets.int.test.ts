import { describe, expect, it } from "vitest";
import { POST as submit } from "@/app/api/v1/reports/route";
import { db } from "@/lib/server/db";
import { messagesFor } from "@/lib/i18n";
import { validCrime, validSpam } from "@/lib/validation/fixtures";
import { jsonRequest } from "../testing/requests";
import { claimReport } from "./claims";
import { decide } from "./decisions";
import { failInsert } from "../testing/faults";
import { ModerationError } from "./errors";
import { bulkDecide, countOnTarget, listTargetGroups, openReportIdsOnTarget, parseTargetParam, reportsOnTarget, targetParam } from "./targets";

/** Targets as the unit of work: the grouped queue and one decision for many reports. */
async function campaign(sender: string, count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const locale = i % 2 === 0 ? "zh-CN" : "en";
    const response = await submit(jsonRequest("/api/v1/reports", { ...validSpam(), sender, recipient: `1365555${String(1000 + i)}`, content: `Parcel held ${i}, pay the fee.`, locale }));
    ids.push(((await response.json()) as { id: string }).id);
  }
  const key = await db.targetKey.findFirstOrThrow({ where: { reportId: ids[0], kind: "phone" }, select: { kind: true, value: true } });
  return { ids, key };
}

const staff = (email: string) => db.user.create({ data: { email, name: email.split("@")[0], role: "MODERATOR", passwordHash: "x" } });

describe("targets", () => {
  it("group the open reports per target key, most reported first, and round-trip in a URL", async () => {
    const { key } = await campaign("+86 139 2222 0001", 4);
    const groups = await listTargetGroups({});
    const mine = groups.find((g) => g.kind === key.kind && g.value === key.value);
    expect(mine).toMatchObject({ open: 4, byCategory: { spam: 4 } });
    expect(parseTargetParam(targetParam(key))).toEqual(key);
    expect(parseTargetParam("not base64!")).toBeNull();
    expect(parseTargetParam(Buffer.from("__proto__").toString("base64url"))).toBeNull();
    expect(await reportsOnTarget(key)).toHaveLength(4);
    expect(await countOnTarget(key)).toEqual({ open: 4, decided: 0 });
  });

  it("keep the grouped view's counts exact through intake, single and bulk decisions, in every scope and band", async () => {
    const me = await staff("bulk-f@targets.test");
    const { ids, key } = await campaign("+86 139 2222 0006", 5);
    const danger = await submit(jsonRequest("/api/v1/reports", { ...validCrime(), ongoingDanger: true, suspects: [{ kind: "phone", value: "+86 139 2222 0006" }] }));
    expect(danger.status).toBe(201);
    await claimReport(ids[0], { id: me.id, role: "MODERATOR" });
    await decide({ reportId: ids[0], decision: "rejected", reason: "Not a breach." }, { id: me.id, role: "MODERATOR" });
    await bulkDecide({ reportIds: ids.slice(1, 3), decision: "actioned" }, { id: me.id, role: "MODERATOR" });
    // The maintained rows equal an aggregate over the open reports, row for row.
    const live = await db.$queryRaw<{ scope: string; kind: string; value: string; urgent: bigint | number; normal: bigint | number }[]>`
      SELECT "scope", "kind", "value", SUM("u") AS "urgent", SUM(1 - "u") AS "normal" FROM (
        SELECT 'all' AS "scope", t."kind", t."value", CASE WHEN r."severity" >= 2 THEN 1 ELSE 0 END AS "u"
        FROM "TargetKey" t JOIN "Report" r ON r."id" = t."reportId" WHERE r."isOpen" = ${true} AND NOT (r."category" = 'harmful-info' AND COALESCE(r."subtype", '') = 'child-abuse')
        UNION ALL
        SELECT r."category", t."kind", t."value", CASE WHEN r."severity" >= 2 THEN 1 ELSE 0 END
        FROM "TargetKey" t JOIN "Report" r ON r."id" = t."reportId" WHERE r."isOpen" = ${true} AND NOT (r."category" = 'harmful-info' AND COALESCE(r."subtype", '') = 'child-abuse')
      ) AS k GROUP BY "scope", "kind", "value"`;
    const kept = await db.openTarget.findMany();
    const shape = (rows: { scope: string; kind: string; value: string; urgent: bigint | number; normal: bigint | number }[]) =>
      rows.map((r) => `${r.scope}|${r.kind}|${r.value}|${Number(r.urgent)}|${Number(r.normal)}`).sort();
    expect(shape(kept)).toEqual(shape(live));
    expect(kept.every((r) => r.rank === (r.urgent > 0 ? 1_000_000_000 : 0) + r.urgent + r.normal)).toBe(true);

    const all = (await listTargetGroups({})).find((g) => g.value === key.value);
    expect(all).toMatchObject({ open: 3, severity: 2, byCategory: { spam: 2, crime: 1 } });
    expect((await listTargetGroups({ category: "spam" })).find((g) => g.value === key.value)).toMatchObject({ open: 2, severity: 0 });
    expect((await listTargetGroups({ band: "urgent" })).find((g) => g.value === key.value)).toMatchObject({ open: 1 });
    expect((await listTargetGroups({ band: "normal" })).find((g) => g.value === key.value)).toMatchObject({ open: 2 });
    expect((await listTargetGroups({})).findIndex((g) => g.value === key.value)).toBe(0); // urgent first
  });

  it("count and choose every open report on a target, beyond what a page lists", async () => {
    const me = await staff("bulk-e@targets.test");
    const { ids, key } = await campaign("+86 139 2222 0005", 7);
    const listed = await reportsOnTarget(key, { limit: 3 });
    expect(listed).toHaveLength(3);
    const all = await openReportIdsOnTarget(key);
    expect(all.sort()).toEqual([...ids].sort());
    const result = await bulkDecide({ reportIds: all, decision: "closed" }, { id: me.id, role: "MODERATOR" });
    expect(result.decided).toHaveLength(7);
    expect(await countOnTarget(key)).toEqual({ open: 0, decided: 7 });
    expect(await openReportIdsOnTarget(key)).toEqual([]);
  });

  it("take one decision for every chosen report, each with its own event, audit row and message in its reporter's language; held reports are skipped", async () => {
    const [me, other] = [await staff("bulk-a@targets.test"), await staff("bulk-b@targets.test")];
    const { ids } = await campaign("+86 139 2222 0002", 6);
    await claimReport(ids[5], { id: other.id, role: "MODERATOR" });
    const result = await bulkDecide({ reportIds: ids, decision: "actioned" }, { id: me.id, role: "MODERATOR" });
    expect(result.decided.sort()).toEqual(ids.slice(0, 5).sort());
    expect(result.skipped).toEqual([{ id: ids[5], why: "held" }]);
    for (const [i, id] of ids.slice(0, 5).entries()) {
      const report = await db.report.findUniqueOrThrow({ where: { id }, include: { statusHistory: true, messages: true } });
      expect(report.status).toBe("actioned");
      expect(report.statusHistory.filter((e) => e.status === "actioned")).toHaveLength(1);
      expect(await db.auditEvent.count({ where: { reportId: id, action: "decide:actioned", actorId: me.id } })).toBe(1);
      const expected = messagesFor(i % 2 === 0 ? "zh-CN" : "en").reasons.categories.spam;
      expect(report.messages.map((m) => m.body)).toEqual([expected]);
    }
    expect((await db.report.findUniqueOrThrow({ where: { id: ids[5] } })).status).toBe("in-review");
  });

  it("apply nothing when writing one report's record fails half-way", async () => {
    const me = await staff("bulk-d@targets.test");
    const { ids } = await campaign("+86 139 2222 0004", 3);
    const before = await db.auditEvent.count();
    const restore = await failInsert("AuditEvent", "reportId", ids[2]);
    try {
      await expect(bulkDecide({ reportIds: ids, decision: "rejected" }, { id: me.id, role: "MODERATOR" })).rejects.toThrow();
    } finally {
      await restore();
    }
    const after = await db.report.findMany({ where: { id: { in: ids } }, include: { statusHistory: true, messages: true } });
    expect(after.map((r) => [r.status, r.isOpen, r.closedAt, r.statusHistory.length, r.messages.length])).toEqual(ids.map(() => ["received", true, null, 1, 0]));
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("apply nothing when one report's decision fails", async () => {
    const me = await staff("bulk-c@targets.test");
    const { ids } = await campaign("+86 139 2222 0003", 3);
    const before = await db.auditEvent.count();
    await expect(bulkDecide({ reportIds: ids, decision: "duplicate", duplicateOfId: "R-1999-999999" }, { id: me.id, role: "MODERATOR" })).rejects.toBeInstanceOf(ModerationError);
    const after = await db.report.findMany({ where: { id: { in: ids } }, select: { status: true, claimedById: true } });
    expect(after.every((r) => r.status === "received" && r.claimedById === null)).toBe(true);
    expect(await db.auditEvent.count()).toBe(before);
  });
});
