import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { reasonTemplates, reporterLocale } from "@/lib/moderation/templates";
import { dayOf } from "@/lib/stats/days";
import { audit } from "./audit";
import { knownKey, knownTargets, type KnownTarget } from "./known-targets";

export type NewReport = { id: string; category: string; locale: string; submittedAt: Date; targets: readonly { kind: string; value: string }[] };

/** The categories whose new reports on known targets are linked at intake (an admin's choice). */
export async function autoLinkCategories(tx: Pick<Prisma.TransactionClient, "categorySetting">): Promise<Set<string>> {
  const rows = await tx.categorySetting.findMany({ where: { autoLinkKnown: true }, select: { category: true } });
  return new Set(rows.map((r) => r.category));
}

/**
 * At intake, inside its transaction: each new report of a category where an admin switched
 * it on, whose target was already actioned or forwarded, becomes a duplicate of the most
 * recently received such report. The reporter gets the duplicate's message in their own
 * language and sees the original's status from then on. Done by the system: no actor on the
 * status event, the message or the audit row (`auto-link`), which names the earlier report.
 * Returns the ids of the linked reports.
 */
export async function linkToEarlierDecisions(tx: Prisma.TransactionClient, reports: readonly NewReport[], now: Date): Promise<Set<string>> {
  const linked = new Set<string>();
  if (!reports.some((r) => r.targets.length > 0)) return linked;
  const categories = await autoLinkCategories(tx);
  const candidates = reports.filter((r) => r.targets.length > 0 && categories.has(r.category));
  if (candidates.length === 0) return linked;
  const known = await knownTargets(candidates.flatMap((r) => r.targets), [], tx);
  for (const report of candidates) {
    const earlier = report.targets
      .map((t) => known.get(knownKey(t)))
      .filter((k): k is KnownTarget => k !== undefined)
      .sort((a, b) => b.decidedAt.getTime() - a.decidedAt.getTime())[0];
    if (!earlier) continue;
    const reason = reasonTemplates(reporterLocale(report.locale), report.category).duplicate;
    const secs = Math.max(0, Math.round((now.getTime() - report.submittedAt.getTime()) / 1000));
    const data = {
      status: "duplicate", isOpen: false, duplicateOfId: earlier.reportId, closedAt: now, closureSecs: secs,
      firstDecisionAt: now, firstDecisionSecs: secs, decidedOnTime: true, updatedAt: now,
    };
    await tx.report.update({ where: { id: report.id }, data });
    await tx.message.create({ data: { id: randomUUID(), reportId: report.id, author: "staff", staffId: null, body: reason, createdAt: now } });
    await tx.statusEvent.create({
      data: { id: randomUUID(), reportId: report.id, status: "duplicate", publicNote: reason, actorId: null, at: now, decidedDay: dayOf(now), category: report.category },
    });
    await audit(tx, {
      actorId: null,
      action: "auto-link",
      reportId: report.id,
      before: { status: "received" },
      after: {
        status: "duplicate", duplicateOfId: earlier.reportId, duplicateOfCase: earlier.caseNumber,
        earlierStatus: earlier.status, earlierDecidedAt: earlier.decidedAt.toISOString(), target: { kind: earlier.kind, value: earlier.value },
      },
    });
    linked.add(report.id);
  }
  return linked;
}
