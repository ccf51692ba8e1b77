import "server-only";
import { z } from "zod";
import { dayOf } from "@/lib/stats/days";
import { isStorableText } from "@/lib/validation/text";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "../db";
import { audit } from "./audit";
import { holderOf } from "@/lib/moderation/claim";
import type { Actor } from "./claims";
import { ModerationError } from "./errors";
import { canDecide, DECISIONS, FINAL_STATUSES, OPEN_STATUSES, type Status } from "@/lib/moderation/statuses";
import { parseCaseNumber } from "@/lib/moderation/case-number";
import { assertMayOpen } from "./restricted-access";

export const decisionSchema = z.object({
  reportId: z.string().min(1),
  decision: z.enum(DECISIONS),
  /** Shown to the reporter: the reason, or for needs-info the question. */
  reason: z.string().trim().min(3).max(5000).refine(isStorableText, { error: "invalid_text" }),
  duplicateOfId: z.string().trim().optional(),
  agencyId: z.string().trim().optional(),
  reference: z.string().trim().max(200).optional(),
});
export type DecisionInput = z.infer<typeof decisionSchema>;

/**
 * Records a moderator's decision. The report must be claimed by the actor (admins too),
 * and the move must be allowed from its current status (statuses.ts). The public status
 * history gets the reason; the audit log gets the state before and after.
 */
export async function decide(input: DecisionInput, actor: Actor): Promise<void> {
  const now = new Date();
  await db.$transaction((tx) => decideIn(tx, input, actor, now));
}

/** decide(), inside the caller's transaction (a bulk decision runs one per report). */
export async function decideIn(tx: Prisma.TransactionClient, input: DecisionInput, actor: Actor, now: Date): Promise<void> {
  await assertMayOpen(tx, input.reportId, actor.id);
  {
    const report = await tx.report.findUnique({
      where: { id: input.reportId },
      select: {
        id: true, status: true, category: true, claimedById: true, claimExpiresAt: true, claimedAt: true,
        duplicateOfId: true, submittedAt: true, expectedBy: true,
      },
    });
    if (!report) throw new ModerationError("not_found");
    const holder = holderOf(report, now);
    if (!holder) throw new ModerationError(report.claimedById === actor.id ? "claim_expired" : "not_claimed");
    if (holder !== actor.id) throw new ModerationError("claimed_by_other");
    if (!canDecide(report.status, input.decision)) throw new ModerationError("invalid_transition");

    const data: Record<string, unknown> = {
      status: input.decision,
      isOpen: (OPEN_STATUSES as readonly string[]).includes(input.decision),
      // A decision answers whatever the reporter last wrote.
      replyPending: false,
    };
    if (input.decision === "duplicate") {
      if (!input.duplicateOfId) throw new ModerationError("duplicate_target_missing");
      if (input.duplicateOfId === report.id) throw new ModerationError("duplicate_of_self");
      // The original by its case number, as staff know it ("R-2026-000123", "2026-123"), or its id.
      const caseNumber = parseCaseNumber(input.duplicateOfId);
      const original = await tx.report.findUnique({
        where: caseNumber ? { caseNumber } : { id: input.duplicateOfId },
        select: { id: true, duplicateOfId: true },
      });
      if (!original) throw new ModerationError("duplicate_target_missing");
      // Point at the root, so that a reporter never follows a chain of duplicates.
      data.duplicateOfId = original.duplicateOfId ?? original.id;
      if (data.duplicateOfId === report.id) throw new ModerationError("duplicate_of_self");
    }
    if (input.decision === "forwarded") {
      const agency = input.agencyId ? await tx.agency.findUnique({ where: { id: input.agencyId } }) : null;
      if (!agency || !agency.active || agency.category !== report.category) throw new ModerationError("agency_invalid");
      if (!input.reference) throw new ModerationError("reference_required");
      data.forwardedToId = agency.id;
      data.forwardReference = input.reference;
    }
    const final = (FINAL_STATUSES as readonly string[]).includes(input.decision);
    const secsSinceReceipt = Math.round((now.getTime() - report.submittedAt.getTime()) / 1000);
    if (final) {
      data.closedAt = now;
      data.closureSecs = secsSinceReceipt;
    }
    // A decided report leaves the holder's hands; one waiting for the reporter stays with
    // them (expired), so that the answer is shown to them.
    data.claimExpiresAt = input.decision === "needs-info" ? now : null;
    if (input.decision !== "needs-info") data.claimedById = null;

    const updated = await tx.report.updateMany({
      where: { id: report.id, status: report.status, claimedById: actor.id },
      data,
    });
    if (updated.count !== 1) throw new ModerationError("claimed_by_other");
    await tx.report.updateMany({
      where: { id: report.id, firstDecisionAt: null },
      data: { firstDecisionAt: now, firstDecisionSecs: secsSinceReceipt, decidedOnTime: now <= report.expectedBy },
    });
    await markOverturned(tx, report.id, input.decision, actor);

    // The reason reaches the reporter as a message in their thread (the status page and the
    // lookup API show the thread), and stays with the status change in the history.
    await tx.message.create({ data: { reportId: report.id, author: "staff", staffId: actor.id, body: input.reason, createdAt: now } });
    await tx.statusEvent.create({
      data: {
        reportId: report.id,
        status: input.decision,
        publicNote: input.decision === "needs-info" ? null : input.reason,
        actorId: actor.id,
        at: now,
        decidedDay: dayOf(now),
        category: report.category,
        handlingSecs: report.claimedAt ? Math.round((now.getTime() - report.claimedAt.getTime()) / 1000) : null,
      },
    });
    await audit(tx, {
      actorId: actor.id,
      action: `decide:${input.decision}`,
      reportId: report.id,
      before: { status: report.status as Status, claimedById: holder },
      after: { ...data, reason: input.reason },
    });
  }
}

/**
 * A decision is overturned when another moderator later moves the report to another
 * outcome. Asking for more information is not a verdict, and an agency confirming a
 * forwarded report (forwarded → actioned) follows it rather than overturning it.
 */
async function markOverturned(tx: Prisma.TransactionClient, reportId: string, decision: string, actor: Actor) {
  const previous = await tx.statusEvent.findFirst({
    where: { reportId, decidedDay: { not: null } },
    orderBy: { at: "desc" },
    select: { id: true, status: true, actorId: true },
  });
  if (!previous || previous.actorId === actor.id || previous.status === decision) return;
  if (previous.status === "needs-info" || (previous.status === "forwarded" && decision === "actioned")) return;
  await tx.statusEvent.update({ where: { id: previous.id }, data: { overturned: true } });
}

/** Staff-only note on a report; it never reaches the reporter. */
export async function addNote(reportId: string, body: string, actor: Actor): Promise<void> {
  const text = body.trim();
  if (text.length === 0) throw new ModerationError("message_required");
  if (text.length > 5000 || !isStorableText(text)) throw new ModerationError("message_invalid");
  await db.$transaction(async (tx) => {
    const report = await tx.report.findUnique({ where: { id: reportId }, select: { id: true } });
    if (!report) throw new ModerationError("not_found");
    await assertMayOpen(tx, reportId, actor.id);
    const note = await tx.internalNote.create({ data: { reportId, authorId: actor.id, body: text } });
    await audit(tx, { actorId: actor.id, action: "note", reportId, after: { noteId: note.id } });
  });
}
