import { describe, expect, it } from "vitest";
import { POST as submit } from "@/app/api/v1/reports/route";
import { db } from "@/lib/server/db";
import { addReporterMessage, lookupReceipt } from "@/lib/server/receipt-lookup";
import { validHarmfulInfo, validReports } from "@/lib/validation/fixtures";
import { jsonRequest } from "../testing/requests";
import { claimNext, claimReport, markReplyRead, releaseClaim, type Actor } from "./claims";
import { addNote, decide } from "./decisions";

let n = 0;
async function staff(role: Actor["role"] = "MODERATOR"): Promise<Actor> {
  const user = await db.user.create({ data: { email: `m${++n}@staff.test`, name: `M${n}`, role, passwordHash: "x" } });
  return { id: user.id, role };
}
async function file(report: Record<string, unknown> = validReports.spam()) {
  const response = await submit(jsonRequest("/api/v1/reports", report));
  return (await response.json()) as { id: string; receipt: string };
}
const expectCode = (promise: Promise<unknown>, code: string) => expect(promise).rejects.toMatchObject({ code });
const reason = "Removed by the platform after our notice.";

describe("claims", () => {
  it("a claim puts the report in review, is audited, and keeps others out until it expires", async () => {
    const [a, b] = [await staff(), await staff()];
    const { id } = await file();
    await claimReport(id, a);
    const row = await db.report.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "in-review", claimedById: a.id });
    expect(row.claimExpiresAt!.getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
    await expectCode(claimReport(id, b), "claimed_by_other");
    await db.report.update({ where: { id }, data: { claimExpiresAt: new Date(Date.now() - 1000) } });
    await claimReport(id, b);
    expect((await db.report.findUniqueOrThrow({ where: { id } })).claimedById).toBe(b.id);
    const actions = await db.auditEvent.findMany({ where: { reportId: id }, orderBy: { at: "asc" } });
    expect(actions.map((e) => [e.action, e.actorId])).toEqual([
      ["claim", a.id],
      ["claim", b.id],
    ]);
  });

  it("only the holder or an admin releases a claim", async () => {
    const [a, b, admin] = [await staff(), await staff(), await staff("ADMIN")];
    const { id } = await file();
    await claimReport(id, a);
    await expectCode(releaseClaim(id, b), "claimed_by_other");
    await releaseClaim(id, admin);
    expect((await db.report.findUniqueOrThrow({ where: { id } })).claimedById).toBeNull();
    expect(await db.auditEvent.count({ where: { reportId: id, action: "release", actorId: admin.id } })).toBe(1);
  });

  it("Next report takes the highest priority first: severity, then the SLA, then shared targets", async () => {
    await db.report.updateMany({ data: { status: "closed", isOpen: false } });
    const moderator = await staff();
    const plain = await file(validReports.copyright()); // due in 5 days
    const soon = await file(validReports.crime()); // due in 2 days
    const abuse = await file({ ...validHarmfulInfo(), subtype: "child-abuse", urls: ["https://x.example/1"] });
    expect(await claimNext(moderator)).toBe(abuse.id);
    expect(await claimNext(moderator)).toBe(soon.id);
    expect(await claimNext(moderator)).toBe(plain.id);
    await expectCode(claimNext(moderator), "queue_empty");
  });

  it("two or more moderators pressing Next at once never get the same report", async () => {
    await db.report.updateMany({ data: { status: "closed", isOpen: false } });
    for (let i = 0; i < 12; i++) await file({ ...validHarmfulInfo(), urls: [`https://race.example/${i}`] });
    const moderators = await Promise.all(Array.from({ length: 8 }, () => staff()));
    const claimed = await Promise.all(moderators.map((m) => claimNext(m)));
    expect(new Set(claimed).size).toBe(8);
    const holders = await db.report.findMany({ where: { id: { in: claimed } }, select: { id: true, claimedById: true } });
    expect(new Set(holders.map((h) => h.claimedById)).size).toBe(8);
  });
});

describe("decisions", () => {
  it("are refused on an unclaimed report, on someone else's claim and after the claim expired", async () => {
    const [a, b] = [await staff(), await staff()];
    const { id } = await file();
    await expectCode(decide({ reportId: id, decision: "actioned", reason }, a), "not_claimed");
    await claimReport(id, a);
    await expectCode(decide({ reportId: id, decision: "actioned", reason }, b), "claimed_by_other");
    await db.report.update({ where: { id }, data: { claimExpiresAt: new Date(Date.now() - 1) } });
    await expectCode(decide({ reportId: id, decision: "actioned", reason }, a), "claim_expired");
    expect((await db.report.findUniqueOrThrow({ where: { id } })).status).toBe("in-review");
  });

  it("actioned closes the report, records the reason publicly and the change in the audit log", async () => {
    const a = await staff();
    const { id, receipt } = await file();
    await claimReport(id, a);
    await decide({ reportId: id, decision: "actioned", reason }, a);
    const row = await db.report.findUniqueOrThrow({ where: { id }, include: { statusHistory: { orderBy: { at: "asc" } } } });
    expect(row).toMatchObject({ status: "actioned", claimedById: null });
    expect(row.firstDecisionAt).not.toBeNull();
    expect(row.closedAt).not.toBeNull();
    expect(row.statusHistory.map((e) => [e.status, e.publicNote])).toEqual([
      ["received", null],
      ["in-review", null],
      ["actioned", reason],
    ]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { reportId: id, action: "decide:actioned" } });
    expect(JSON.parse(event.before!)).toMatchObject({ status: "in-review" });
    expect(JSON.parse(event.after!)).toMatchObject({ status: "actioned", reason });
    // A final status takes no further decision and no message from the reporter.
    await claimReport(id, a);
    await expectCode(decide({ reportId: id, decision: "rejected", reason }, a), "invalid_transition");
    await expect(addReporterMessage(receipt, "one more thing")).rejects.toMatchObject({ code: "closed" });
    // The reporter reads the reason in their thread.
    expect((await lookupReceipt(receipt))?.messages).toEqual([{ from: "staff", body: reason, at: expect.any(String) }]);
  });

  it("needs-info asks the reporter; the answer puts it back in review and flags it for the holder", async () => {
    const a = await staff();
    const { id, receipt } = await file();
    await claimReport(id, a);
    await decide({ reportId: id, decision: "needs-info", reason: "Which app did the message arrive in?" }, a);
    let view = await lookupReceipt(receipt);
    expect(view).toMatchObject({ status: "needs-info", messages: [{ from: "staff", body: "Which app did the message arrive in?" }] });
    await addReporterMessage(receipt, "It was WeChat.");
    expect(await db.auditEvent.findMany({ where: { reportId: id }, select: { action: true, actorId: true }, orderBy: { at: "asc" } })).toEqual([
      { action: "claim", actorId: a.id },
      { action: "decide:needs-info", actorId: a.id },
      { action: "message:reporter", actorId: null },
    ]);
    view = await lookupReceipt(receipt);
    expect(view?.status).toBe("in-review");
    expect(await db.report.findUniqueOrThrow({ where: { id } })).toMatchObject({ replyPending: true, claimedById: a.id });
  });

  it("the reply stays flagged until its holder marks it read or decides; no one else clears it", async () => {
    const [a, b] = [await staff(), await staff()];
    const pending = async (id: string) => (await db.report.findUniqueOrThrow({ where: { id } })).replyPending;
    for (const clear of ["read", "decide"] as const) {
      const { id, receipt } = await file();
      await claimReport(id, a);
      await decide({ reportId: id, decision: "needs-info", reason: "Which app was it?" }, a);
      await addReporterMessage(receipt, "WeChat.");
      expect(await pending(id)).toBe(true);
      await markReplyRead(id, b);
      expect(await pending(id)).toBe(true);
      if (clear === "read") await markReplyRead(id, a);
      else {
        await claimReport(id, a); // claiming clears it too; the reporter writes again before the decision
        await addReporterMessage(receipt, "And it came from +86 138 0013 8000.");
        expect(await pending(id)).toBe(true);
        await decide({ reportId: id, decision: "rejected", reason }, a);
      }
      expect(await pending(id), clear).toBe(false);
    }
  });

  it("duplicate points at the original; its reporter sees that it was merged, and the original's status from then on", async () => {
    const a = await staff();
    const original = await file();
    const copy = await file();
    await claimReport(copy.id, a);
    await expectCode(decide({ reportId: copy.id, decision: "duplicate", reason }, a), "duplicate_target_missing");
    await expectCode(decide({ reportId: copy.id, decision: "duplicate", reason, duplicateOfId: copy.id }, a), "duplicate_of_self");
    await decide({ reportId: copy.id, decision: "duplicate", reason, duplicateOfId: original.id }, a);
    expect(await lookupReceipt(copy.receipt)).toMatchObject({ status: "duplicate", original: { status: "received" }, acceptsMessages: false });
    await claimReport(original.id, a);
    await decide({ reportId: original.id, decision: "forwarded", reason, agencyId: "anti-spam-centre", reference: "12321-2026-0042" }, a);
    const view = await lookupReceipt(copy.receipt);
    expect(view).toMatchObject({ status: "duplicate", original: { status: "forwarded" }, forwardedTo: { "zh-CN": expect.any(String), en: expect.any(String) } });
    // The agency's reference is the agency's business: the reporter is not shown it.
    expect(JSON.stringify(view)).not.toContain("12321-2026-0042");
    expect(await lookupReceipt(original.receipt)).toMatchObject({ status: "forwarded", forwardedTo: { en: expect.any(String) } });
  });

  it("forwarded needs an agency of the report's category and its reference number", async () => {
    const a = await staff();
    const { id } = await file();
    await claimReport(id, a);
    await expectCode(decide({ reportId: id, decision: "forwarded", reason, agencyId: "cyber-police", reference: "1" }, a), "agency_invalid");
    await expectCode(decide({ reportId: id, decision: "forwarded", reason, agencyId: "anti-spam-centre" }, a), "reference_required");
    await decide({ reportId: id, decision: "forwarded", reason, agencyId: "anti-spam-centre", reference: "12321-77" }, a);
    expect(await db.report.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "forwarded", forwardedToId: "anti-spam-centre", forwardReference: "12321-77" });
    // A forwarded report can still be closed.
    await claimReport(id, a);
    await decide({ reportId: id, decision: "closed", reason }, a);
  });
});

describe("audit log", () => {
  it("records notes and cannot be changed or deleted", async () => {
    const a = await staff();
    const { id } = await file();
    await addNote(id, "Same sender as last week's wave.", a);
    expect(await db.auditEvent.count({ where: { reportId: id, action: "note" } })).toBe(1);
    await expect(db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "action" = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
  });
});

describe("queue order", () => {
  it("counts other reports on the same target into the open reports' targetCount", async () => {
    const first = await file({ ...validHarmfulInfo(), urls: ["https://wave.example/a"] });
    await file({ ...validHarmfulInfo(), urls: ["https://WAVE.example/a#x"] });
    await file({ ...validHarmfulInfo(), urls: ["https://wave.example/a?utm_source=y"] });
    expect((await db.report.findUniqueOrThrow({ where: { id: first.id } })).targetCount).toBe(2);
  });
});
