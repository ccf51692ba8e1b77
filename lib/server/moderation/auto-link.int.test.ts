import { afterEach, describe, expect, it } from "vitest";
import { POST as submit } from "@/app/api/v1/reports/route";
import { db } from "@/lib/server/db";
import { messagesFor } from "@/lib/i18n";
import { validSpam } from "@/lib/validation/fixtures";
import { setAutoLinkKnown } from "../admin/category-settings";
import { lookupReceipt } from "../receipt-lookup";
import { jsonRequest } from "../testing/requests";
import { claimReport } from "./claims";
import { decide } from "./decisions";

/** A new report on a target already acted on joins that decision, where an admin chose it. */
const admin = () => db.user.upsert({ where: { email: "auto-link@admin.test" }, create: { email: "auto-link@admin.test", name: "a", role: "ADMIN", passwordHash: "x" }, update: {} });

async function spamFrom(sender: string, locale: "zh-CN" | "en" = "zh-CN") {
  const response = await submit(jsonRequest("/api/v1/reports", { ...validSpam(), sender, recipient: "13655551234", content: "Your parcel is held, pay the fee.", locale }));
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; receipt: string; status: string };
}

async function decided(sender: string, decision: "actioned" | "rejected") {
  const { id } = await spamFrom(sender);
  const moderator = await admin();
  await claimReport(id, { id: moderator.id, role: "ADMIN" });
  await decide({ reportId: id, decision, reason: "Decided for the test." }, { id: moderator.id, role: "ADMIN" });
  return id;
}

describe("linking new reports to an earlier decision", () => {
  afterEach(async () => {
    await setAutoLinkKnown("spam", false, await admin());
  });

  it("leaves new reports in the queue while the category's switch is off", async () => {
    await decided("+86 139 3333 0001", "actioned");
    const later = await spamFrom("+86 139 3333 0001");
    expect(later.status).toBe("received");
    expect((await db.report.findUniqueOrThrow({ where: { id: later.id } })).isOpen).toBe(true);
  });

  it("makes a report on an actioned target a duplicate of the most recent decided report, told to the reporter in their language and audited as the system", async () => {
    const me = await admin();
    await decided("+86 139 3333 0002", "actioned");
    const newest = await decided("+86 139 3333 0002", "actioned");
    await setAutoLinkKnown("spam", true, me);
    expect(await db.auditEvent.count({ where: { action: "category-setting", actorId: me.id } })).toBeGreaterThanOrEqual(1);

    const later = await spamFrom("+86 139 3333 0002", "en");
    expect(later.status).toBe("duplicate");
    const report = await db.report.findUniqueOrThrow({ where: { id: later.id }, include: { statusHistory: { orderBy: { at: "asc" } }, messages: true } });
    expect(report).toMatchObject({ status: "duplicate", isOpen: false, duplicateOfId: newest, claimedById: null });
    expect(report.closedAt).not.toBeNull();
    expect(report.statusHistory.map((e) => [e.status, e.actorId])).toEqual([["received", null], ["duplicate", null]]);
    expect(report.messages.map((m) => [m.author, m.staffId, m.body])).toEqual([["staff", null, messagesFor("en").reasons.duplicate]]);
    const row = await db.auditEvent.findFirstOrThrow({ where: { reportId: later.id, action: "auto-link" } });
    expect(row.actorId).toBeNull();
    const original = await db.report.findUniqueOrThrow({ where: { id: newest }, select: { caseNumber: true } });
    expect(JSON.parse(row.after!)).toMatchObject({ duplicateOfId: newest, duplicateOfCase: original.caseNumber, earlierStatus: "actioned" });

    // The reporter's status page follows the original.
    const view = await lookupReceipt(later.receipt);
    expect(view).toMatchObject({ status: "duplicate", original: { status: "actioned" }, acceptsMessages: false });
  });

  it("does not link to a rejected report, nor a report on a new target, nor another category", async () => {
    await setAutoLinkKnown("spam", true, await admin());
    await decided("+86 139 3333 0003", "rejected");
    expect((await spamFrom("+86 139 3333 0003")).status).toBe("received");
    expect((await spamFrom("+86 139 3333 0004")).status).toBe("received");
    await setAutoLinkKnown("spam", false, await admin());
    await decided("+86 139 3333 0005", "actioned");
    expect((await spamFrom("+86 139 3333 0005")).status).toBe("received");
  });

  it("refuses an unknown category and records nothing when nothing changes", async () => {
    const me = await admin();
    await expect(setAutoLinkKnown("__proto__", true, me)).rejects.toThrow("not_found");
    const before = await db.auditEvent.count({ where: { action: "category-setting" } });
    await setAutoLinkKnown("crime", false, me);
    expect(await db.auditEvent.count({ where: { action: "category-setting" } })).toBe(before);
  });
});
