import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { holderOf } from "@/lib/moderation/claim";
import { isRestricted, NOT_RESTRICTED } from "@/lib/moderation/restricted";
import { canDecide, FINAL_STATUSES, type Decision } from "@/lib/moderation/statuses";
import { reasonTemplates, reporterLocale } from "@/lib/moderation/templates";
import { targetKeyOf } from "@/lib/targets/target-key";
import { CATEGORIES, type Category } from "@/lib/validation/options";
import { db } from "../db";
import { parseCaseNumber } from "@/lib/moderation/case-number";
import { dayOf } from "@/lib/stats/days";
import { insertRows } from "../sql-rows";
import type { Actor } from "./claims";
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
 * The grouped queue: one row per target key with open reports, those with urgent reports
 * first, then the most reported. It reads OpenTarget, which triggers keep exact (see the
 * schema), so it costs the same at a million reports as at a thousand: 50 rows of an index,
 * then for those 50 their count per category and their oldest open report. Restricted
 * (child-abuse) reports are not in it, for anyone: they are in the plain queue.
 */
export async function listTargetGroups(filter: { category?: Category; band?: "urgent" | "normal" }): Promise<TargetGroup[]> {
  const scope = filter.category ?? "all";
  const order = Prisma.raw(filter.band === "urgent" ? `"urgent"` : filter.band === "normal" ? `"normal"` : `"rank"`);
  const top = await db.$queryRaw<{ kind: string; value: string; urgent: number | bigint; normal: number | bigint }[]>(Prisma.sql`
    SELECT "kind", "value", "urgent", "normal" FROM "OpenTarget"
    WHERE "scope" = ${scope} AND ${order} > 0
    ORDER BY ${order} DESC, "kind", "value" LIMIT ${TARGET_PAGE}`);
  if (top.length === 0) return [];
  const keys = Prisma.join(top.map((t) => Prisma.sql`("kind" = ${t.kind} AND "value" = ${t.value})`), " OR ");
  const [perCategory, oldest] = await Promise.all([
    db.$queryRaw<{ scope: string; kind: string; value: string; urgent: number | bigint; normal: number | bigint }[]>(Prisma.sql`
      SELECT "scope", "kind", "value", "urgent", "normal" FROM "OpenTarget" WHERE "scope" IN (${Prisma.join([...CATEGORIES])}) AND (${keys})`),
    // Per key, its target keys' index from the oldest, to the first open report.
    db.$queryRaw<{ kind: string; value: string; at: Date | string }[]>(
      Prisma.join(
        top.map(
          (t, i) => Prisma.sql`SELECT * FROM (
            SELECT t."kind" AS "kind", t."value" AS "value", t."createdAt" AS "at" FROM "TargetKey" t JOIN "Report" r ON r."id" = t."reportId"
            WHERE t."kind" = ${t.kind} AND t."value" = ${t.value} AND r."isOpen" = ${true}
              AND NOT (r."category" = 'harmful-info' AND COALESCE(r."subtype", '') = 'child-abuse')
            ORDER BY t."createdAt" ASC LIMIT 1) AS ${Prisma.raw(`"o${i}"`)}`,
        ),
        " UNION ALL ",
      ),
    ),
  ]);
  const counted = (r: { urgent: number | bigint; normal: number | bigint }) =>
    filter.band === "urgent" ? Number(r.urgent) : filter.band === "normal" ? Number(r.normal) : Number(r.urgent) + Number(r.normal);
  const byKey = new Map(top.map((t) => [targetKeyOf(t), { ...t, byCategory: Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>, oldest: new Date(0) }]));
  for (const row of perCategory) {
    const group = byKey.get(targetKeyOf(row));
    if (group && (CATEGORIES as readonly string[]).includes(row.scope)) group.byCategory[row.scope as Category] = counted(row);
  }
  for (const row of oldest) {
    const group = byKey.get(targetKeyOf(row));
    if (group) group.oldest = new Date(row.at);
  }
  return [...byKey.values()].map((g) => ({
    kind: g.kind,
    value: g.value,
    open: counted(g),
    byCategory: g.byCategory,
    oldest: g.oldest,
    severity: Number(g.urgent) > 0 && filter.band !== "normal" ? 2 : 0,
  }));
}

const onTarget = (target: { kind: string; value: string }, restricted: boolean | undefined): Prisma.ReportWhereInput => ({
  targets: { some: { kind: target.kind, value: target.value } },
  ...(restricted ? {} : NOT_RESTRICTED),
});

/**
 * Every report on a target, open ones first, then by arrival; capped. Restricted ones only for
 * permitted staff. With up to three image files each, for thumbnails.
 */
export async function reportsOnTarget(target: { kind: string; value: string }, options: { restricted?: boolean; limit?: number } = {}) {
  return db.report.findMany({
    where: onTarget(target, options.restricted),
    orderBy: [{ isOpen: "desc" }, { submittedAt: "asc" }, { id: "asc" }],
    take: options.limit ?? 500,
    select: {
      id: true, caseNumber: true, category: true, subtype: true, status: true, isOpen: true, description: true, submittedAt: true,
      closedAt: true, claimedById: true, claimExpiresAt: true, locale: true,
      claimedBy: { select: { name: true } },
      evidence: { where: { contentType: { startsWith: "image/" } }, select: { sha256: true, originalName: true, contentType: true }, orderBy: { uploadedAt: "asc" }, take: 3 },
      _count: { select: { evidence: true } },
    },
  });
}

/** How many reports on the target are open and decided, whatever the page lists. */
export async function countOnTarget(target: { kind: string; value: string }, options: { restricted?: boolean } = {}) {
  const [open, all] = await Promise.all([
    db.report.count({ where: { AND: [onTarget(target, options.restricted), { isOpen: true }] } }),
    db.report.count({ where: onTarget(target, options.restricted) }),
  ]);
  return { open, decided: all - open };
}

/** The ids of every open report on the target (the oldest first), for "all of them" in a bulk decision. */
export async function openReportIdsOnTarget(target: { kind: string; value: string }, options: { restricted?: boolean } = {}): Promise<string[]> {
  const rows = await db.report.findMany({
    where: { AND: [onTarget(target, options.restricted), { isOpen: true }] },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: BULK_MAX,
    select: { id: true },
  });
  return rows.map((r) => r.id);
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

/** Reports per statement of a bulk decision (a few parameters each). */
const CHUNK = 500;
const chunks = <T>(list: readonly T[]) => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * Claims and decides the chosen reports in one transaction: all of them or none. Each gets
 * its own status event, audit row and message, in its reporter's language (the decision's
 * template for that language and category), exactly as a single decision (decisions.ts)
 * writes them. Reports another moderator holds, that are no longer open, or that the
 * decision cannot apply to, are skipped and listed.
 *
 * Written as set operations, a few statements per 500 reports whatever their number: the
 * claim is a compare-and-set in the same UPDATE that records the decision (only rows still
 * open and unheld, or held by the actor, change; RETURNING says which), then the messages,
 * status events and audit rows are multi-row inserts. The only earlier decision an open
 * report can have is "needs info", which a new decision never overturns, so unlike a single
 * decision there is nothing to mark as overturned.
 */
export async function bulkDecide(input: BulkInput, actor: Actor): Promise<BulkResult> {
  const ids = [...new Set(input.reportIds)].slice(0, BULK_MAX);
  const now = new Date();
  return db.$transaction(
    async (tx) => {
      const agency = input.decision === "forwarded" && input.agencyId ? await tx.agency.findUnique({ where: { id: input.agencyId } }) : null;
      if (input.decision === "forwarded" && (!agency || !agency.active)) throw new ModerationError("agency_invalid");
      if (input.decision === "forwarded" && !input.reference) throw new ModerationError("reference_required");
      let original: string | null = null;
      if (input.decision === "duplicate") {
        const caseNumber = parseCaseNumber(input.duplicateOfId ?? "");
        const found = input.duplicateOfId
          ? await tx.report.findUnique({ where: caseNumber ? { caseNumber } : { id: input.duplicateOfId }, select: { id: true, duplicateOfId: true } })
          : null;
        if (!found) throw new ModerationError("duplicate_target_missing");
        // Point at the root, so that a reporter never follows a chain of duplicates.
        original = found.duplicateOfId ?? found.id;
      }

      const result: BulkResult = { decided: [], skipped: [] };
      const reports = (
        await Promise.all(
          chunks(ids).map((some) =>
            tx.report.findMany({
              where: { id: { in: some } },
              select: {
                id: true, caseNumber: true, status: true, isOpen: true, category: true, subtype: true, locale: true,
                claimedById: true, claimExpiresAt: true, claimedAt: true, submittedAt: true, expectedBy: true,
              },
            }),
          ),
        )
      ).flat();
      const permitted = (await tx.user.findUnique({ where: { id: actor.id }, select: { restrictedContent: true } }))?.restrictedContent ?? false;
      const byId = new Map(reports.map((r) => [r.id, r]));
      const chosen: typeof reports = [];
      for (const id of ids) {
        const report = byId.get(id);
        const holder = report ? holderOf(report, now) : null;
        if (!report || !report.isOpen) result.skipped.push({ id, why: "not_open" });
        else if (isRestricted(report) && !permitted) result.skipped.push({ id, why: "restricted" });
        else if (holder && holder !== actor.id) result.skipped.push({ id, why: "held" });
        else if (agency && agency.category !== report.category) result.skipped.push({ id, why: "other_category" });
        else if (original === report.id) result.skipped.push({ id, why: "is_original" });
        else if (!canDecide(report.status, input.decision)) result.skipped.push({ id, why: "invalid_transition" });
        else chosen.push(report);
      }

      const final = (FINAL_STATUSES as readonly string[]).includes(input.decision);
      const common = {
        status: input.decision,
        isOpen: false,
        replyPending: false,
        claimedById: null,
        claimExpiresAt: null,
        duplicateOfId: original,
        forwardedToId: agency?.id ?? null,
        forwardReference: agency ? (input.reference ?? null) : null,
      };
      const won = new Set<string>();
      for (const some of chunks(chosen)) {
        const secs = (r: (typeof chosen)[number]) => Math.round((now.getTime() - r.submittedAt.getTime()) / 1000);
        // One value per report; cast, because PostgreSQL types a CASE of bare parameters as text.
        const perRow = (type: "INTEGER" | "BOOLEAN", value: (r: (typeof chosen)[number]) => unknown) =>
          Prisma.sql`CASE "id" ${Prisma.join(some.map((r) => Prisma.sql`WHEN ${r.id} THEN CAST(${value(r)} AS ${Prisma.raw(type)})`), " ")} END`;
        const rows = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
          UPDATE "Report" SET
            "status" = ${common.status}, "isOpen" = ${false}, "replyPending" = ${false}, "claimedById" = NULL, "claimExpiresAt" = NULL,
            "duplicateOfId" = ${common.duplicateOfId}, "forwardedToId" = ${common.forwardedToId}, "forwardReference" = ${common.forwardReference},
            ${final ? Prisma.sql`"closedAt" = ${now}, "closureSecs" = ${perRow("INTEGER", secs)},` : Prisma.empty}
            "firstDecisionSecs" = CASE WHEN "firstDecisionAt" IS NULL THEN ${perRow("INTEGER", secs)} ELSE "firstDecisionSecs" END,
            "decidedOnTime" = CASE WHEN "firstDecisionAt" IS NULL THEN ${perRow("BOOLEAN", (r) => now <= r.expectedBy)} ELSE "decidedOnTime" END,
            "firstDecisionAt" = CASE WHEN "firstDecisionAt" IS NULL THEN ${now} ELSE "firstDecisionAt" END,
            "updatedAt" = ${now}
          WHERE "id" IN (${Prisma.join(some.map((r) => r.id))}) AND "isOpen" = ${true}
            AND ("claimedById" IS NULL OR "claimExpiresAt" IS NULL OR "claimExpiresAt" <= ${now} OR "claimedById" = ${actor.id})
          RETURNING "id"`);
        for (const row of rows) won.add(row.id);
      }

      const decided = chosen.filter((r) => won.has(r.id));
      for (const r of chosen) if (!won.has(r.id)) result.skipped.push({ id: r.id, why: "held" });
      const reasonOf = (r: (typeof chosen)[number]) => reasonTemplates(reporterLocale(r.locale), r.category)[input.decision];
      await insertRows(
        tx,
        "Message",
        decided.map((r) => ({ id: randomUUID(), reportId: r.id, author: "staff", staffId: actor.id, body: reasonOf(r), createdAt: now }) satisfies Prisma.MessageCreateManyInput),
      );
      await insertRows(
        tx,
        "StatusEvent",
        decided.map((r) => ({
          id: randomUUID(), reportId: r.id, status: input.decision, publicNote: reasonOf(r), actorId: actor.id, at: now, decidedDay: dayOf(now), category: r.category,
          // Handling time runs from the actor's own claim, if they held it; else it starts now.
          handlingSecs: holderOf(r, now) === actor.id && r.claimedAt ? Math.round((now.getTime() - r.claimedAt.getTime()) / 1000) : 0,
          overturned: false,
        }) satisfies Prisma.StatusEventCreateManyInput),
      );
      await insertRows(
        tx,
        "AuditEvent",
        decided.map((r) => ({
          id: randomUUID(), at: now, actorId: actor.id, action: `decide:${input.decision}`, reportId: r.id,
          before: JSON.stringify({ status: r.status, claimedById: holderOf(r, now) }),
          after: JSON.stringify({ ...common, ...(final ? { closedAt: now } : {}), bulk: true, reason: reasonOf(r) }),
        }) satisfies Prisma.AuditEventCreateManyInput),
      );
      result.decided = decided.map((r) => r.id);
      return result;
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
}
