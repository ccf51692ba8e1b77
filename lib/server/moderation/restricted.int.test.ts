import { describe, expect, it } from "vitest";
import { POST as submit } from "@/app/api/v1/reports/route";
import { db } from "@/lib/server/db";
import { NOT_RESTRICTED } from "@/lib/moderation/restricted";
import { validHarmfulInfo } from "@/lib/validation/fixtures";
import { addStaffMessage } from "../messages";
import { jsonRequest } from "../testing/requests";
import { setRestrictedAccess } from "../admin/staff";
import { claimNext, claimReport } from "./claims";
import { addNote, decide } from "./decisions";
import { ModerationError } from "./errors";
import { nextReportFor } from "./report-detail";
import { bulkDecide, listTargetGroups, reportsOnTarget } from "./targets";

/**
 * Child-abuse reports open only for staff with the "restricted content" permission, on every
 * route and action; the pages' own checks (review page, evidence files) are in
 * app/(staff)/queue/[id]/page.tsx and the evidence route, and in e2e/staff-access.spec.ts.
 */
async function restrictedReport(url: string) {
  const response = await submit(jsonRequest("/api/v1/reports", { ...validHarmfulInfo(), subtype: "child-abuse", urls: [url], evidence: undefined }));
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}
const refused = async (work: Promise<unknown>) => {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ModerationError);
  expect((error as ModerationError).code).toBe("restricted");
};

describe("restricted content", () => {
  it("refuses every action of a moderator without the permission, and hides the report from their lists", async () => {
    const moderator = await db.user.create({ data: { email: "plain@restricted.test", name: "Plain", role: "MODERATOR", passwordHash: "x" } });
    const actor = { id: moderator.id, role: "MODERATOR" as const };
    const url = `https://hidden.example/${Date.now()}`;
    const id = await restrictedReport(url);
    await refused(claimReport(id, actor));
    await refused(decide({ reportId: id, decision: "forwarded", reason: "To the police.", agencyId: "x", reference: "y" }, actor));
    await refused(addNote(id, "a note", actor));
    await refused(addStaffMessage({ reportId: id, staffId: moderator.id, body: "hello" }));
    const bulk = await bulkDecide({ reportIds: [id], decision: "closed" }, actor);
    expect(bulk).toEqual({ decided: [], skipped: [{ id, why: "restricted" }] });
    expect(await reportsOnTarget({ kind: "url", value: url }, { restricted: false })).toEqual([]);
    expect((await listTargetGroups({})).some((g) => g.value === url)).toBe(false);
    expect((await nextReportFor(moderator.id, "none", false))?.id).not.toBe(id);
    // "Next report" never hands it out: with every other open report held, there is none.
    await db.report.updateMany({ where: { isOpen: true, NOT: { id } }, data: { claimedById: moderator.id, claimExpiresAt: new Date(Date.now() + 3600_000) } });
    const taken = await claimNext(actor, NOT_RESTRICTED).then((got) => got, (e: ModerationError) => e.code);
    expect(taken).toBe("queue_empty");
    await db.report.updateMany({ where: { claimedById: moderator.id }, data: { claimedById: null, claimExpiresAt: null } });
    const row = await db.report.findUniqueOrThrow({ where: { id } });
    expect([row.status, row.claimedById]).toEqual(["received", null]);
    expect(await db.internalNote.count({ where: { reportId: id } })).toBe(0);
  });

  it("lets a moderator an admin has given the permission act, and audits the grant", async () => {
    const admin = await db.user.create({ data: { email: "admin@restricted.test", name: "Admin", role: "ADMIN", passwordHash: "x" } });
    const moderator = await db.user.create({ data: { email: "cleared@restricted.test", name: "Cleared", role: "MODERATOR", passwordHash: "x" } });
    const id = await restrictedReport(`https://hidden.example/ok-${Date.now()}`);
    await setRestrictedAccess(moderator.id, true, { id: admin.id });
    expect(await db.auditEvent.count({ where: { action: "staff-restricted", actorId: admin.id } })).toBe(1);
    await claimReport(id, { id: moderator.id, role: "MODERATOR" });
    await addNote(id, "Hash matched; passed on.", { id: moderator.id, role: "MODERATOR" });
    expect((await db.report.findUniqueOrThrow({ where: { id } })).claimedById).toBe(moderator.id);
    expect(await reportsOnTarget((await db.targetKey.findFirstOrThrow({ where: { reportId: id } })), { restricted: true })).toHaveLength(1);
  });
});
