import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canonicalUrl } from "@/lib/targets/canonical-url";
import { canonicalAccount } from "@/lib/targets/extract";
import { canonicalPhone } from "@/lib/targets/phone";
import { CATEGORIES } from "@/lib/validation/options";
import { db } from "../db";
import { STATUSES } from "@/lib/moderation/statuses";
import { parseCaseNumber } from "@/lib/moderation/case-number";
import { NOT_RESTRICTED } from "@/lib/moderation/restricted";
import { reportsWithText, TEXT_MATCH_CAP } from "./text-search";
import { PRIORITY_ORDER } from "./priority";

export const PAGE_SIZE = 50;

const blank = (v: unknown) => (v === "" ? undefined : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional()).catch(undefined);

/** The queue's filters, all from the URL; anything unreadable is ignored, never an error. */
export const queueFiltersSchema = z.object({
  category: opt(z.enum(CATEGORIES)),
  subtype: opt(z.string().max(40)),
  status: z.preprocess(blank, z.union([z.enum(STATUSES), z.literal("open"), z.literal("any")]).default("open")).catch("open"),
  band: opt(z.enum(["urgent", "normal"])),
  assigned: opt(z.enum(["me", "none"])),
  sla: opt(z.enum(["breached", "due24"])),
  from: opt(z.iso.date()),
  to: opt(z.iso.date()),
  q: opt(z.string().trim().max(300)),
  sort: z.preprocess(blank, z.enum(["priority", "oldest", "newest"]).default("priority")).catch("priority"),
  after: opt(z.string().max(400)),
  /** `targets`: one row per target with open reports (moderation/targets.ts). */
  view: opt(z.enum(["targets"])),
});
export type QueueFilters = z.infer<typeof queueFiltersSchema>;

/**
 * The keyset cursor: the sort values of the last row shown. It comes back from the URL, so
 * it is parsed like any other input: a crafted one (wrong types, huge numbers, an invalid
 * date, extra keys) is ignored and the first page is shown, never passed to the query.
 */
const cursorSchema = z.strictObject({
  s: z.number().int().min(0).max(100),
  d: z.number().int().min(0).max(10_000_000),
  t: z.number().int().min(0).max(1_000_000_000),
  at: z.iso.datetime(),
  id: z.string().regex(/^[0-9a-f-]{36}$/),
});
type Cursor = z.infer<typeof cursorSchema>;

const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
export function decodeCursor(value: string | undefined): Cursor | undefined {
  if (!value) return undefined;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A search: a case number, or an identifier (URL, phone number, email address, account,
 * card or wallet) by its target key in any spelling; else words, found in the descriptions
 * by the free-text index (text-search.ts), and as an account key. Identifiers and words are
 * first resolved to report ids, newest first and at most TEXT_MATCH_CAP, each an index
 * range: given "reports on this key" as a subquery, the database would rather walk the
 * queue's order over every report (4.7 s at 1,000,000 reports for a key shared by 400).
 * `capped`: more reports matched than a search returns; only the newest are shown.
 */
async function searchWhere(q: string, mayOpenRestricted: boolean): Promise<{ where: Prisma.ReportWhereInput; capped: boolean }> {
  // A case number, as staff write it: "R-2026-000123", "r-2026-123", "2026-123".
  const caseNumber = parseCaseNumber(q);
  if (caseNumber) return { where: { caseNumber }, capped: false };
  const keys: { kind: string; value: string }[] = [];
  const url = /^https?:\/\//i.test(q) ? canonicalUrl(q) : undefined;
  if (url) keys.push({ kind: "url", value: url });
  const phone = canonicalPhone(q);
  if (phone) keys.push({ kind: "phone", value: phone });
  if (/^[^\s@]+@[^\s@]+$/.test(q)) keys.push({ kind: "email", value: q.toLowerCase() });
  if (keys.length === 0) keys.push({ kind: "account", value: canonicalAccount(q) });
  // A URL, phone or email, or a bank card, wallet address or user id (digits, or letters and
  // digits without spaces), is an identifier: its key alone, no text search.
  const identifier = keys[0].kind !== "account" || /^(?=.*\d)[\w.:-]{6,}$/.test(q.replace(/[\s-]/g, ""));
  const byKey = await reportsWithKeys(keys, TEXT_MATCH_CAP + 1);
  // Words of a restricted report's description are not searchable for staff who may not open it.
  const byText = identifier ? [] : await reportsWithText(q);
  const ids = [...new Set([...byKey, ...byText])];
  const shown = ids.slice(0, TEXT_MATCH_CAP);
  const byKeySet = new Set(byKey);
  const textOnly = shown.filter((id) => !byKeySet.has(id));
  // One id list, so that the query stays an IN over the primary key (an OR with the
  // restriction beside it made SQLite scan every report): the text-only matches are checked
  // against the restriction first.
  const hidden = mayOpenRestricted || textOnly.length === 0
    ? new Set<string>()
    : new Set((await db.report.findMany({ where: { id: { in: textOnly }, NOT: NOT_RESTRICTED }, select: { id: true } })).map((r) => r.id));
  const where: Prisma.ReportWhereInput = { id: { in: shown.filter((id) => !hidden.has(id)) } };
  return { where, capped: ids.length > TEXT_MATCH_CAP };
}

/** The newest reports filed under any of these target keys, at most `limit`: the keys' index. */
async function reportsWithKeys(keys: readonly { kind: string; value: string }[], limit: number): Promise<string[]> {
  const rows = await db.targetKey.findMany({ where: { OR: keys.map((k) => ({ kind: k.kind, value: k.value })) }, orderBy: { createdAt: "desc" }, take: limit, select: { reportId: true } });
  return [...new Set(rows.map((r) => r.reportId))];
}

/** The rows after the cursor, in the chosen order (keyset pagination: no OFFSET). */
function afterCursor(sort: QueueFilters["sort"], c: Cursor | undefined): Prisma.ReportWhereInput {
  if (!c) return {};
  if (sort === "priority") {
    return {
      OR: [
        { severity: { lt: c.s } },
        { severity: c.s, dueHour: { gt: c.d } },
        { severity: c.s, dueHour: c.d, targetCount: { lt: c.t } },
        { severity: c.s, dueHour: c.d, targetCount: c.t, id: { gt: c.id } },
      ],
    };
  }
  const at = new Date(c.at);
  return sort === "oldest"
    ? { OR: [{ submittedAt: { gt: at } }, { submittedAt: at, id: { gt: c.id } }] }
    : { OR: [{ submittedAt: { lt: at } }, { submittedAt: at, id: { lt: c.id } }] };
}

const ORDER: Record<QueueFilters["sort"], Prisma.ReportOrderByWithRelationInput[]> = {
  priority: PRIORITY_ORDER,
  oldest: [{ submittedAt: "asc" }, { id: "asc" }],
  newest: [{ submittedAt: "desc" }, { id: "desc" }],
};

export function queueWhere(f: QueueFilters, userId: string, search: Prisma.ReportWhereInput | undefined, now = new Date()): Prisma.ReportWhereInput {
  const and: Prisma.ReportWhereInput[] = [];
  if (f.status === "open") and.push({ isOpen: true });
  else if (f.status !== "any") and.push({ status: f.status });
  if (f.category) and.push({ category: f.category });
  if (f.subtype) and.push({ subtype: f.subtype });
  if (f.band) and.push({ severity: f.band === "urgent" ? { gte: 2 } : { lt: 2 } });
  if (f.assigned === "me") and.push({ claimedById: userId, claimExpiresAt: { gt: now } });
  if (f.assigned === "none") and.push({ OR: [{ claimedById: null }, { claimExpiresAt: null }, { claimExpiresAt: { lte: now } }] });
  if (f.sla === "breached") and.push({ expectedBy: { lt: now } });
  if (f.sla === "due24") and.push({ expectedBy: { gte: now, lt: new Date(now.getTime() + 24 * 3600_000) } });
  if (f.from) and.push({ submittedAt: { gte: new Date(`${f.from}T00:00:00+08:00`) } });
  if (f.to) and.push({ submittedAt: { lt: new Date(new Date(`${f.to}T00:00:00+08:00`).getTime() + 24 * 3600_000) } });
  if (search) and.push(search);
  return { AND: and };
}

export async function listQueue(f: QueueFilters, userId: string, options: { mayOpenRestricted?: boolean } = {}) {
  const search = f.q ? await searchWhere(f.q, options.mayOpenRestricted ?? false) : undefined;
  const rows = await db.report.findMany({
    where: { AND: [queueWhere(f, userId, search?.where), afterCursor(f.sort, decodeCursor(f.after))] },
    orderBy: ORDER[f.sort],
    take: PAGE_SIZE + 1,
    select: {
      id: true,
      caseNumber: true,
      // For the row's one-line snippet and its main target.
      description: true,
      targets: { select: { kind: true, value: true }, orderBy: [{ kind: "desc" }, { value: "asc" }], take: 1 },
      category: true,
      subtype: true,
      status: true,
      severity: true,
      submittedAt: true,
      expectedBy: true,
      dueHour: true,
      targetCount: true,
      replyPending: true,
      claimedById: true,
      claimExpiresAt: true,
      claimedBy: { select: { name: true } },
      partner: { select: { name: true } },
    },
  });
  const page = rows.slice(0, PAGE_SIZE);
  const last = page[page.length - 1];
  const next =
    rows.length > PAGE_SIZE && last
      ? encode({ s: last.severity, d: last.dueHour, t: last.targetCount, at: last.submittedAt.toISOString(), id: last.id })
      : undefined;
  return { rows: page, next, capped: search?.capped ?? false };
}

/** Reports the user asked about whose reporters have answered. */
export function countRepliesFor(userId: string): Promise<number> {
  return db.report.count({ where: { claimedById: userId, replyPending: true } });
}
