import "server-only";
import { randomUUID } from "node:crypto";
import { expectedByFor } from "@/lib/categories/catalogue";
import { dayOf } from "@/lib/stats/days";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EmailFacts } from "@/lib/targets/email-message";
import type { Target } from "@/lib/targets/extract";
import type { Report } from "@/lib/validation/report";
import type { AcceptedFile } from "./evidence";
import { hashIdempotencyKey, IDEMPOTENCY_TTL_MS, sealBody } from "./idempotency";
import { generateReceipt, hashReceipt } from "./receipts";
import { countEarlierSameTarget } from "./same-target";

export type SubmittedReport = {
  id: string;
  receipt: string;
  status: string;
  category: Report["category"];
  submittedAt: string;
  expectedBy: string;
  sameTargetCount: number;
};

/** A validated report with its id, receipt, dates and files, ready to insert. */
export type PreparedReport = ReturnType<typeof prepareReport>;

/** The columns kept apart from `details`, and fields that describe files, not facts. */
function splitReport(report: Report, email: EmailFacts | undefined) {
  const { category, description, contact, locale, evidence, ...rest } = report;
  void category;
  void evidence;
  const details: Record<string, unknown> = { ...rest };
  if (report.category === "spam") {
    delete details.rawEmail; // kept as a file
    if (email) details.email = email;
  }
  if (report.category === "crime" && !report.moneyLost) {
    delete details.amountLost;
    delete details.transactions;
  }
  if (report.category === "copyright") details.signedAt = new Date().toISOString();
  return { description, contact, locale: locale ?? "zh-CN", details };
}

function severityOf(report: Report): number {
  if (report.category === "harmful-info" && (report.subtype === "child-abuse" || report.subtype === "terrorism")) return 2;
  if (report.category === "crime" && report.ongoingDanger) return 2;
  return 0;
}

export function prepareReport(report: Report, files: AcceptedFile[], targets: Target[], email: EmailFacts | undefined) {
  const submittedAt = new Date();
  const subtype = "subtype" in report ? report.subtype : undefined;
  const expectedBy = expectedByFor(
    { category: report.category, subtype, ongoingDanger: report.category === "crime" && report.ongoingDanger },
    submittedAt,
  );
  return {
    id: randomUUID(),
    receipt: generateReceipt(),
    report,
    subtype: subtype ?? null,
    submittedAt,
    expectedBy,
    targets,
    files: [...new Map(files.map((f) => [f.sha256, f])).values()],
    ...splitReport(report, email),
  };
}

/**
 * Inserts one prepared report with its files' rows, target keys, first status event and
 * idempotency record, inside the caller's transaction, and moves open reports on the same
 * target up the queue. Returns the 201 body.
 */
export async function insertReport(
  tx: Prisma.TransactionClient,
  p: PreparedReport,
  idempotency?: { key: string; requestHash: string },
): Promise<SubmittedReport> {
  const { id, report, submittedAt, expectedBy, targets } = p;
  const sameTargetCount = await countEarlierSameTarget(tx, targets, { before: new Date(submittedAt.getTime() + 1) });
  const body: SubmittedReport = {
    id,
    receipt: p.receipt,
    status: "received",
    category: report.category,
    submittedAt: submittedAt.toISOString(),
    expectedBy: expectedBy.toISOString(),
    sameTargetCount,
  };
  await tx.report.create({
    data: {
      id,
      category: report.category,
      subtype: p.subtype,
      status: "received",
      receiptHash: hashReceipt(p.receipt),
      description: p.description,
      details: JSON.stringify(p.details),
      contact: p.contact ? JSON.stringify(p.contact) : null,
      locale: p.locale,
      severity: severityOf(report),
      informationOnly: report.category === "crime" && !report.moneyLost,
      submittedAt,
      expectedBy,
      dueHour: Math.floor(expectedBy.getTime() / 3_600_000),
      receivedDay: dayOf(submittedAt),
      targetCount: sameTargetCount,
      evidence: {
        create: p.files.map((f) => ({
          role: f.role,
          sha256: f.sha256,
          size: f.size,
          contentType: f.type,
          originalName: f.name,
          uploadedAt: submittedAt,
        })),
      },
      targets: { create: targets.map((t) => ({ kind: t.kind, value: t.value, createdAt: submittedAt, receivedDay: dayOf(submittedAt), category: report.category })) },
      statusHistory: { create: { status: "received", at: submittedAt } },
    },
  });
  if (targets.length > 0 && sameTargetCount > 0) {
    // Open reports on the same target move up the queue (their third sort key).
    await tx.report.updateMany({
      where: { id: { not: id }, isOpen: true, targets: { some: { OR: targets.map((t) => ({ kind: t.kind, value: t.value })) } } },
      data: { targetCount: { increment: 1 } },
    });
  }
  if (idempotency) {
    await tx.idempotencyRecord.create({
      data: {
        keyHash: hashIdempotencyKey(idempotency.key),
        requestHash: idempotency.requestHash,
        reportId: id,
        sealedBody: sealBody(body, idempotency.key, idempotency.requestHash),
        expiresAt: new Date(submittedAt.getTime() + IDEMPOTENCY_TTL_MS),
      },
    });
  }
  return body;
}
