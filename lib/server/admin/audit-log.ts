import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseDay, startOfDay, addDays } from "@/lib/stats/days";
import { db } from "../db";
import { parseCaseNumber } from "@/lib/moderation/case-number";

/** The audit log's filters, as they sit in the URL. Unusable values are dropped, not fatal. */
export const auditFiltersSchema = z.object({
  actor: z.string().max(100).optional().catch(undefined),
  action: z.string().max(100).regex(/^[a-z:-]+$/).optional().catch(undefined),
  report: z.string().trim().max(100).optional().catch(undefined),
  from: z.string().optional().catch(undefined),
  to: z.string().optional().catch(undefined),
  before: z.string().max(200).optional().catch(undefined),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export const AUDIT_PAGE = 50;
/** The `actor` value that selects entries without a staff user: the system and reporters. */
export const SYSTEM_ACTOR = "system";

export function auditWhere(f: AuditFilters): { where: Prisma.AuditEventWhereInput; dateProblem: boolean } {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (f.actor) and.push({ actorId: f.actor === SYSTEM_ACTOR ? null : f.actor });
  if (f.action) and.push({ action: f.action });
  if (f.report) {
    // A case number as staff write it ("R-2026-000123"), or the report's id.
    const caseNumber = parseCaseNumber(f.report);
    and.push(caseNumber ? { report: { caseNumber } } : { reportId: f.report });
  }
  const from = f.from ? parseDay(f.from) : null;
  const to = f.to ? parseDay(f.to) : null;
  if (from !== null) and.push({ at: { gte: startOfDay(from) } });
  if (to !== null) and.push({ at: { lt: startOfDay(addDays(to, 1)) } });
  const dateProblem = Boolean((f.from && from === null) || (f.to && to === null));
  return { where: { AND: and }, dateProblem };
}

const cursorOf = (row: { at: Date; id: string }) => `${row.at.toISOString()}_${row.id}`;
function afterCursor(cursor: string | undefined): Prisma.AuditEventWhereInput | null {
  const m = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_(.+)$/.exec(cursor ?? "");
  if (!m) return null;
  const at = new Date(m[1]);
  return { OR: [{ at: { lt: at } }, { at, id: { lt: m[2] } }] };
}

/** One page of the log, newest first, by keyset (time, id), and the cursor of the next. */
export async function listAudit(f: AuditFilters) {
  const { where, dateProblem } = auditWhere(f);
  const cursor = afterCursor(f.before);
  const rows = await db.auditEvent.findMany({
    where: cursor ? { AND: [where, cursor] } : where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE + 1,
    include: { report: { select: { caseNumber: true } } },
  });
  const page = rows.slice(0, AUDIT_PAGE);
  // Staff named in the details too (an admin's change to another account, a claim's holder).
  const named = page.flatMap((r) => [r.actorId, ...[r.before, r.after].flatMap((d) => [...(d ?? "").matchAll(/"(?:userId|claimedById)":"([^"]{1,100})"/g)].map((m) => m[1]))]);
  const actors = await actorNames(named);
  return { rows: page, actors, next: rows.length > AUDIT_PAGE ? cursorOf(page[page.length - 1]) : null, dateProblem };
}

export async function actorNames(ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, email: true } });
  return new Map(users.map((u) => [u.id, u.email]));
}

/** What the filter selects offer: staff who appear in the log, and the actions recorded. */
export async function auditChoices() {
  const [actions, staff] = await Promise.all([
    db.auditEvent.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
    db.user.findMany({ where: { NOT: { email: { endsWith: "@seed.invalid" } } }, orderBy: { email: "asc" }, select: { id: true, email: true } }),
  ]);
  return { actions: actions.map((a) => a.action), staff };
}

type AuditRow = Awaited<ReturnType<typeof db.auditEvent.findFirstOrThrow>>;

/** Every matching entry, oldest first, page by page: for the CSV download. */
export async function* auditRows(f: AuditFilters) {
  const { where } = auditWhere(f);
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const cursor: Prisma.AuditEventWhereInput | null = after
      ? { OR: [{ at: { gt: after.at } }, { at: after.at, id: { gt: after.id } }] }
      : null;
    const page: AuditRow[] = await db.auditEvent.findMany({
      where: cursor ? { AND: [where, cursor] } : where,
      orderBy: [{ at: "asc" }, { id: "asc" }],
      take: 1000,
    });
    const actors = await actorNames(page.map((r) => r.actorId));
    for (const row of page) yield { ...row, actorEmail: row.actorId ? (actors.get(row.actorId) ?? row.actorId) : null };
    if (page.length < 1000) return;
    after = page[page.length - 1];
  }
}
