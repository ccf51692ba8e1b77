import "server-only";
import { MAX_TARGETS } from "@/lib/targets/extract";
import type { MoreTargets } from "../report-writer";
import { NOT_RESTRICTED } from "@/lib/moderation/restricted";
import { db } from "../db";
import { PRIORITY_ORDER } from "./priority";
import { openContact } from "../contact-seal";

/** Everything a moderator sees of one report. Staff only: includes contact and notes. */
export async function getReportForStaff(id: string) {
  const report = await db.report.findUnique({
    where: { id },
    include: {
      evidence: { orderBy: { uploadedAt: "asc" } },
      // At most MAX_TARGETS, also for reports stored before extraction was capped.
      targets: { orderBy: [{ kind: "asc" }, { value: "asc" }], take: MAX_TARGETS },
      _count: { select: { targets: true } },
      statusHistory: { orderBy: { at: "asc" } },
      messages: { orderBy: { createdAt: "asc" } },
      notes: { orderBy: { createdAt: "asc" } },
      claimedBy: { select: { id: true, name: true } },
      duplicateOf: { select: { id: true, status: true, caseNumber: true } },
      forwardedTo: true,
      partner: { select: { name: true } },
    },
  });
  if (!report) return null;
  const authorIds = [...new Set(report.notes.map((n) => n.authorId))];
  const [authors, agencies] = await Promise.all([
    db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } }),
    db.agency.findMany({ where: { category: report.category, active: true }, orderBy: { id: "asc" } }),
  ]);
  const names = new Map(authors.map((a) => [a.id, a.name]));
  const details = JSON.parse(report.details) as Record<string, unknown>;
  const found = details.moreTargets as MoreTargets | undefined;
  return {
    ...report,
    details,
    /** Targets not listed: those found but not stored, and stored ones beyond MAX_TARGETS. */
    moreTargets: {
      count: (found?.count ?? 0) + report._count.targets - report.targets.length,
      partlySearched: found?.partlySearched ?? false,
    } satisfies MoreTargets,
    contact: report.contact ? (JSON.parse(openContact(report.contact)) as Record<string, string>) : null,
    notes: report.notes.map((n) => ({ ...n, authorName: names.get(n.authorId) ?? "?" })),
    agencies,
  };
}
export type StaffReport = NonNullable<Awaited<ReturnType<typeof getReportForStaff>>>;

/** A report's case number, for the page title. */
export async function caseNumberOf(id: string): Promise<string | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  return (await db.report.findUnique({ where: { id }, select: { caseNumber: true } }))?.caseNumber ?? null;
}

/**
 * The report to take next after a decision: the first open one in the queue's priority
 * order that nobody else holds, other than the one just decided.
 */
export async function nextReportFor(userId: string, after: string, restricted: boolean) {
  const now = new Date();
  return db.report.findFirst({
    where: {
      ...(restricted ? {} : NOT_RESTRICTED),
      isOpen: true,
      id: { not: after },
      OR: [{ claimedById: null }, { claimedById: userId }, { claimExpiresAt: { lte: now } }],
    },
    orderBy: PRIORITY_ORDER,
    select: { id: true, caseNumber: true },
  });
}

/**
 * Reports that share a target key with this one, oldest first: the likely originals of a
 * duplicate, offered by the decision form. Two indexed lookups, capped.
 */
export async function sameTargetReports(reportId: string, options: { restricted?: boolean; limit?: number } = {}) {
  const keys = await db.targetKey.findMany({ where: { reportId }, select: { kind: true, value: true }, take: 50 });
  if (keys.length === 0) return [];
  const rows = await db.report.findMany({
    where: { id: { not: reportId }, targets: { some: { OR: keys.map((k) => ({ kind: k.kind, value: k.value })) } }, ...(options.restricted ? {} : NOT_RESTRICTED) },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: options.limit ?? 20,
    select: { id: true, caseNumber: true, description: true, status: true, submittedAt: true },
  });
  return rows;
}
