import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { holderOf } from "@/lib/moderation/claim";
import { isRestricted, NOT_RESTRICTED } from "@/lib/moderation/restricted";
import { canDecide, type Decision } from "@/lib/moderation/statuses";
import { reasonTemplates, reporterLocale } from "@/lib/moderation/templates";
import { CATEGORIES, type Category } from "@/lib/validation/options";
import { db } from "../db";
import { takeClaim, type Actor } from "./claims";
import { decideIn } from "./decisions";
import { ModerationError } from "./errors";

/** A target as a URL segment: base64url of "kind\0value". */
export const targetParam = (t: { kind: string; value: string }) => Buffer.from(`${t.kind}\u0000${t.value}`).toString("base64url");
export function parseTargetParam(param: string): { kind: string; value: string } | null {
  if (!/^[A-Za-z0-9_-]{4,2000}$/.test(param)) return null;
  const [kind, value, ...rest] = Buffer.from(param, "base64url").toString("utf8").split("\u0000");
  return kind && value && rest.length === 0 && /^[a-z]{2,10}$/.test(kind) ? { kind, value } : null;
}

export const TARGET_PAGE = 50;

export type TargetGroup = {
  kind: string;
  value: string;
  open: number;
  byCategory: Record<Category, number>;
  oldest: Date;
  severity: number;
};

/**
 * The grouped queue: one row per target key with open reports, the most urgent first, then
 * the most reported, then the oldest. One aggregate over the open reports' target keys.
 */
export async function listTargetGroups(filter: { category?: Category; band?: "urgent" | "normal"; restricted?: boolean }): Promise<TargetGroup[]> {
  const where = [Prisma.sql`r."isOpen" = ${true}`];
  // A restricted report's targets (where the material is) are not shown to staff without the permission.
  if (!filter.restricted) where.push(Prisma.sql`NOT (r."category" = 'harmful-info' AND r."subtype" IS NOT NULL AND r."subtype" = 'child-abuse')`);
  if (filter.category) where.push(Prisma.sql`r."category" = ${filter.category}`);
  if (filter.band === "urgent") where.push(Prisma.sql`r."severity" >= 2`);
  if (filter.band === "normal") where.push(Prisma.sql`r."severity" < 2`);
  const perCategory = CATEGORIES.map((c, i) => Prisma.sql`SUM(CASE WHEN r."category" = ${c} THEN 1 ELSE 0 END) AS ${Prisma.raw(`"c${i}"`)}`);
  const rows = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    SELECT t."kind" AS "kind", t."value" AS "value", COUNT(*) AS "open", MIN(r."submittedAt") AS "oldest", MAX(r."severity") AS "severity",
      ${Prisma.join(perCategory, ", ")}
    FROM "TargetKey" t JOIN "Report" r ON r."id" = t."reportId"
    WHERE ${Prisma.join(where, " AND ")}
    GROUP BY t."kind", t."value"
    ORDER BY MAX(r."severity") DESC, COUNT(*) DESC, MIN(r."submittedAt") ASC
    LIMIT ${TARGET_PAGE}`);
  return rows.map((r) => ({
    kind: String(r.kind),
    value: String(r.value),
    open: Number(r.open),
    byCategory: Object.fromEntries(CATEGORIES.map((c, i) => [c, Number(r[`c${i}`] ?? 0)])) as Record<Category, number>,
    oldest: new Date(r.oldest as string | Date),
    severity: Number(r.severity),
  }));
}

/** Every report on a target, open ones first, then by arrival; capped. Restricted ones only for permitted staff. */
export async function reportsOnTarget(target: { kind: string; value: string }, options: { restricted?: boolean; limit?: number } = {}) {
  return db.report.findMany({
    where: { targets: { some: { kind: target.kind, value: target.value } }, ...(options.restricted ? {} : NOT_RESTRICTED) },
    orderBy: [{ isOpen: "desc" }, { submittedAt: "asc" }, { id: "asc" }],
    take: options.limit ?? 500,
    select: {
      id: true, caseNumber: true, category: true, subtype: true, status: true, isOpen: true, description: true, submittedAt: true,
      closedAt: true, claimedById: true, claimExpiresAt: true, locale: true,
      claimedBy: { select: { name: true } },
      _count: { select: { evidence: true } },
    },
  });
}

export type BulkInput = {
  reportIds: string[];
  decision: Extract<Decision, "actioned" | "rejected" | "forwarded" | "closed" | "duplicate">;
  agencyId?: string;
  reference?: string;
  duplicateOfId?: string;
};
export type BulkResult = { decided: string[]; skipped: { id: string; why: "held" | "not_open" | "invalid_transition" | "other_category" | "is_original" | "restricted" }[] };

/** A bulk decision covers at most this many reports. */
export const BULK_MAX = 5000;

/**
 * Claims and decides the chosen reports in one transaction: all of them or none. Each gets
 * its own claim, status event, audit row and message, in its reporter's language (the
 * decision's template for that language and category). Reports another moderator holds,
 * that are no longer open, or that the decision cannot apply to, are skipped and listed.
 */
export async function bulkDecide(input: BulkInput, actor: Actor): Promise<BulkResult> {
  const ids = [...new Set(input.reportIds)].slice(0, BULK_MAX);
  const now = new Date();
  return db.$transaction(
    async (tx) => {
      const agency = input.decision === "forwarded" && input.agencyId ? await tx.agency.findUnique({ where: { id: input.agencyId } }) : null;
      if (input.decision === "forwarded" && (!agency || !agency.active)) throw new ModerationError("agency_invalid");
      if (input.decision === "forwarded" && !input.reference) throw new ModerationError("reference_required");
      const result: BulkResult = { decided: [], skipped: [] };
      const reports = await tx.report.findMany({
        where: { id: { in: ids } },
        select: { id: true, caseNumber: true, status: true, isOpen: true, category: true, subtype: true, locale: true, claimedById: true, claimExpiresAt: true },
      });
      const permitted = (await tx.user.findUnique({ where: { id: actor.id }, select: { restrictedContent: true } }))?.restrictedContent ?? false;
      const byId = new Map(reports.map((r) => [r.id, r]));
      for (const id of ids) {
        const report = byId.get(id);
        if (!report || !report.isOpen) result.skipped.push({ id, why: "not_open" });
        else if (isRestricted(report) && !permitted) result.skipped.push({ id, why: "restricted" });
        else if (holderOf(report, now) && holderOf(report, now) !== actor.id) result.skipped.push({ id, why: "held" });
        else if (agency && agency.category !== report.category) result.skipped.push({ id, why: "other_category" });
        else if (input.decision === "duplicate" && input.duplicateOfId && [report.id, report.caseNumber].includes(input.duplicateOfId)) result.skipped.push({ id, why: "is_original" });
        else if (!canDecide(report.status === "received" ? "in-review" : report.status, input.decision)) result.skipped.push({ id, why: "invalid_transition" });
        else {
          if (!(await takeClaim(tx, id, actor, now))) {
            result.skipped.push({ id, why: "held" });
            continue;
          }
          const reason = reasonTemplates(reporterLocale(report.locale), report.category)[input.decision];
          await decideIn(tx, { reportId: id, decision: input.decision, reason, agencyId: input.agencyId, reference: input.reference, duplicateOfId: input.duplicateOfId }, actor, now);
          result.decided.push(id);
        }
      }
      return result;
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
}
