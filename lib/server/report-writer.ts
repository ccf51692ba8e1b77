import "server-only";
import { randomUUID } from "node:crypto";
import { DECLARATIONS } from "@/lib/categories";
import { expectedByFor } from "@/lib/categories/catalogue";
import { holds, severityLevel, type CategoryDeclaration } from "@/lib/categories/declaration";
import { reportSearchText } from "@/lib/search/tokens.mjs";
import { targetKeyOf } from "@/lib/targets/target-key";
import { withoutUnasked } from "@/lib/validation/form-values";
import { dayOf } from "@/lib/stats/days";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EmailFacts } from "@/lib/targets/email-message";
import type { ReportTargets } from "@/lib/targets/extract";
import type { Locale } from "@/lib/validation/options";
import type { Report } from "@/lib/validation/report";
import type { AcceptedFile } from "./evidence";
import { hashIdempotencyKey, IDEMPOTENCY_TTL_MS, sealBody } from "./idempotency";
import { allocateCaseNumbers } from "./case-numbers";
import { sealContact } from "./contact-seal";
import { insertRows } from "./sql-rows";
import { linkToEarlierDecisions } from "./moderation/auto-link";
import { generateReceipt, hashReceipt } from "./receipts";

export type SubmittedReport = {
  id: string;
  receipt: string;
  status: string;
  category: Report["category"];
  submittedAt: string;
  expectedBy: string;
  sameTargetCount: number;
};

/**
 * Stored in `details.moreTargets` when a report had more than MAX_TARGETS distinct targets
 * (`count` more), or text beyond SCAN_BUDGET_CHARS that was not searched.
 */
export type MoreTargets = { count: number; partlySearched: boolean };

/** A validated report with its id, receipt, dates and files, ready to insert. */
export type PreparedReport = ReturnType<typeof prepareReport>;

/**
 * The columns kept apart from `details`, and what is not kept at all: fields that describe
 * files, answers to questions that did not apply, and fields stored as files.
 */
function splitReport(report: Report, email: EmailFacts | undefined, found: ReportTargets, fallbackLocale: Locale) {
  const declaration: CategoryDeclaration = DECLARATIONS[report.category];
  const { category, description, contact, locale, evidence, ...rest } = withoutUnasked(declaration.fields, report as Report & Record<string, unknown>);
  void category;
  void evidence;
  const details: Record<string, unknown> = { ...rest };
  for (const field of declaration.fields) if (field.storedAsFile) delete details[field.name];
  if (email) details.email = email;
  // What the review page says beyond the stored keys ("and N more"): a fact about this one
  // report, never filtered or counted across reports, so it needs no column of its own.
  if (found.omitted > 0 || found.truncated) {
    details.moreTargets = { count: found.omitted, partlySearched: found.truncated } satisfies MoreTargets;
  }
  if (declaration.signed) details.signedAt = new Date().toISOString();
  return { description, contact, locale: locale ?? fallbackLocale, details };
}

/**
 * The queue's first sort key: the category's severity rules (2 puts a report at the top:
 * child abuse, terrorism, someone in danger now). A trusted flagger's report (EU DSA
 * Art. 22: decided "with priority") adds 1, so it comes before every normal report and
 * first among the top ones, without a second sort key in the queue's index.
 */
export const TRUSTED_FLAGGER_BOOST = 1;

export function severityOf(report: Report, fromPartner = false): number {
  const severity = severityLevel(DECLARATIONS[report.category], report);
  return fromPartner ? severity + TRUSTED_FLAGGER_BOOST : severity;
}

/** Whether the report only records facts and asks for no action (crime without loss). */
function isInformationOnly(report: Report): boolean {
  const rule = (DECLARATIONS[report.category] as CategoryDeclaration).informationOnlyWhen;
  return rule !== undefined && holds(rule, report);
}

/** `locale`: the reporter's language when the report names none (the request's Accept-Language). */
export function prepareReport(report: Report, files: AcceptedFile[], found: ReportTargets, email: EmailFacts | undefined, locale: Locale = "zh-CN") {
  const submittedAt = new Date();
  const subtype = "subtype" in report ? report.subtype : undefined;
  const expectedBy = expectedByFor(report, submittedAt);
  const split = splitReport(report, email, found, locale);
  return {
    id: randomUUID(),
    receipt: generateReceipt(),
    report,
    subtype: subtype ?? null,
    submittedAt,
    expectedBy,
    targets: found.targets,
    files: [...new Map(files.map((f) => [f.sha256, f])).values()],
    ...split,
    // Tokenised here, before the report waits for its group's transaction.
    searchText: reportSearchText(split.description, split.details),
  };
}

export type IdempotencyClaim = { key: string; requestHash: string };

/** Appends to the list under `key`, creating it: linear, however long the lists grow. */
function append<K, V>(lists: Map<K, V[]>, key: K, value: V) {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

/**
 * The Report row of a prepared report, with every column the intake writes. The intake
 * and the benchmark's limit server (scripts/bench/limit-server.ts) both insert exactly this.
 */
export function reportRow(p: PreparedReport, targetCount: number, partnerId: string | null) {
  return {
    id: p.id,
    category: p.report.category,
    subtype: p.subtype,
    status: "received",
    isOpen: true,
    receiptHash: hashReceipt(p.receipt),
    description: p.description,
    details: JSON.stringify(p.details),
    // Sealed at rest (contact-seal.ts): a dump of the database shows no contact data.
    contact: p.contact ? sealContact(JSON.stringify(p.contact)) : null,
    locale: p.locale,
    severity: severityOf(p.report, partnerId !== null),
    informationOnly: isInformationOnly(p.report),
    submittedAt: p.submittedAt,
    expectedBy: p.expectedBy,
    updatedAt: p.submittedAt,
    dueHour: Math.floor(p.expectedBy.getTime() / 3_600_000),
    targetCount,
    replyPending: false,
    receivedDay: dayOf(p.submittedAt),
    partnerId,
  } satisfies Prisma.ReportCreateManyInput;
}

/**
 * Inserts prepared reports, in order, with their files' rows, target keys, first status
 * events and idempotency records, inside the caller's transaction. The statements are
 * written out (Prisma's tagged SQL, so they run on SQLite and PostgreSQL alike) because
 * this is the intake's hot path: a handful of multi-row statements per group, whatever the
 * number of reports, where Prisma's model queries cost 1.5–3 ms each to plan.
 *
 * A report's `sameTargetCount` counts the stored reports and the ones before it in
 * `reports` that share a target key with it; each open report on the same target moves up
 * the queue by one per new report (its `targetCount`, the queue's third sort key). Returns
 * the 201 bodies in order.
 */
export async function insertReports(
  tx: Prisma.TransactionClient,
  reports: readonly { prepared: PreparedReport; idempotency?: IdempotencyClaim; partnerId?: string }[],
): Promise<SubmittedReport[]> {
  // Which stored reports share each target key of the group: one indexed probe per key.
  const pairs = [...new Map(reports.flatMap(({ prepared }) => prepared.targets.map((t) => [targetKeyOf(t), t]))).values()];
  const storedOn = new Map<string, string[]>();
  for (let i = 0; i < pairs.length; i += 500) {
    const any = Prisma.join(pairs.slice(i, i + 500).map((t) => Prisma.sql`("kind" = ${t.kind} AND "value" = ${t.value})`), " OR ");
    const rows = await tx.$queryRaw<{ reportId: string; kind: string; value: string }[]>(
      Prisma.sql`SELECT "reportId", "kind", "value" FROM "TargetKey" WHERE ${any}`,
    );
    for (const row of rows) append(storedOn, targetKeyOf(row), row.reportId);
  }

  const groupOn = new Map<string, number[]>(); // earlier reports of this group by target key
  const sameTarget: number[] = [];
  const laterSharers = reports.map(() => 0);
  const bumps = new Map<string, number>(); // stored report id → new reports sharing a key with it
  reports.forEach(({ prepared }, index) => {
    const stored = new Set<string>();
    const inGroup = new Set<number>();
    for (const t of prepared.targets) {
      for (const id of storedOn.get(targetKeyOf(t)) ?? []) stored.add(id);
      for (const earlier of groupOn.get(targetKeyOf(t)) ?? []) inGroup.add(earlier);
    }
    sameTarget.push(stored.size + inGroup.size);
    for (const id of stored) bumps.set(id, (bumps.get(id) ?? 0) + 1);
    for (const earlier of inGroup) laterSharers[earlier]++;
    for (const t of prepared.targets) append(groupOn, targetKeyOf(t), index);
  });

  const bodies: SubmittedReport[] = reports.map(({ prepared: p }, index) => ({
    id: p.id,
    receipt: p.receipt,
    status: "received",
    category: p.report.category,
    submittedAt: p.submittedAt.toISOString(),
    expectedBy: p.expectedBy.toISOString(),
    sameTargetCount: sameTarget[index],
  }));

  // A new report is open: later reports of the group on the same target count for it too.
  const caseNumbers = await allocateCaseNumbers(tx, reports.map(({ prepared }) => prepared.submittedAt));
  await insertRows(tx, "Report", reports.map(({ prepared: p, partnerId }, index) => ({ ...reportRow(p, sameTarget[index] + laterSharers[index], partnerId ?? null), caseNumber: caseNumbers[index] })));
  await insertRows(
    tx,
    "Evidence",
    reports.flatMap(({ prepared: p }) =>
      p.files.map((f) => ({
        id: randomUUID(), reportId: p.id, role: f.role, sha256: f.sha256, size: f.size, contentType: f.type, originalName: f.name, uploadedAt: p.submittedAt,
      }) satisfies Prisma.EvidenceCreateManyInput),
    ),
  );
  await insertRows(
    tx,
    "TargetKey",
    reports.flatMap(({ prepared: p }) =>
      p.targets.map((t) => ({
        id: randomUUID(), reportId: p.id, kind: t.kind, value: t.value, createdAt: p.submittedAt, receivedDay: dayOf(p.submittedAt), category: p.report.category,
      }) satisfies Prisma.TargetKeyCreateManyInput),
    ),
  );
  await insertRows(tx, "ReportSearch", reports.map(({ prepared: p }) => ({ reportId: p.id, text: p.searchText }) satisfies Prisma.ReportSearchCreateManyInput));
  await insertRows(
    tx,
    "StatusEvent",
    reports.map(({ prepared: p }) => ({ id: randomUUID(), reportId: p.id, status: "received", at: p.submittedAt, overturned: false }) satisfies Prisma.StatusEventCreateManyInput),
  );

  // Open reports on the same target move up the queue, by one per new report.
  const byIncrement = new Map<number, string[]>();
  for (const [id, increment] of bumps) append(byIncrement, increment, id);
  const now = new Date();
  for (const [increment, ids] of byIncrement) {
    for (let i = 0; i < ids.length; i += 500) {
      await tx.$executeRaw(Prisma.sql`UPDATE "Report" SET "targetCount" = "targetCount" + ${increment}, "updatedAt" = ${now}
        WHERE "isOpen" = ${true} AND "id" IN (${Prisma.join(ids.slice(i, i + 500))})`);
    }
  }

  // Where an admin chose it: a report on a target already acted on joins that decision.
  const linked = await linkToEarlierDecisions(
    tx,
    reports.map(({ prepared: p }) => ({ id: p.id, category: p.report.category, locale: p.locale, submittedAt: p.submittedAt, targets: p.targets })),
    now,
  );
  for (const body of bodies) if (linked.has(body.id)) body.status = "duplicate";

  await insertRows(
    tx,
    "IdempotencyRecord",
    reports.flatMap(({ prepared: p, idempotency: claim }, index) =>
      claim
        ? [{
            keyHash: hashIdempotencyKey(claim.key),
            requestHash: claim.requestHash,
            reportId: p.id,
            sealedBody: sealBody(bodies[index], claim.key, claim.requestHash),
            createdAt: p.submittedAt,
            expiresAt: new Date(p.submittedAt.getTime() + IDEMPOTENCY_TTL_MS),
          } satisfies Prisma.IdempotencyRecordCreateManyInput]
        : [],
    ),
  );
  return bodies;
}
