import "server-only";
import { randomUUID } from "node:crypto";
import { expectedByFor } from "@/lib/categories/catalogue";
import { readEmail, type EmailFacts } from "@/lib/targets/email-message";
import { targetsOf, type Target } from "@/lib/targets/extract";
import { fileTotalsProblem, type FileMeta } from "@/lib/validation/files";
import { fieldErrorsOf, issueKeyMap } from "@/lib/validation/issue-keys";
import { reportSchema, type Report } from "@/lib/validation/report";
import { db } from "./db";
import { acceptFile, rawEmailFile, removeReportFiles, writeReportFiles, type AcceptedFile } from "./evidence";
import { ApiError } from "./http";
import { findReplay, hashIdempotencyKey, IDEMPOTENCY_TTL_MS, sealBody } from "./idempotency";
import { generateReceipt, hashReceipt } from "./receipts";
import type { UploadedFile } from "./request-body";
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

export type SubmitInput = {
  report: unknown;
  files: UploadedFile[];
  requestHash: string;
  idempotencyKey?: string;
};

const meta = (file: AcceptedFile): FileMeta => ({ name: file.name, size: file.size, type: file.type });

/**
 * Puts the uploaded files where the schema expects them. File fields in a JSON body are
 * ignored: only real uploads count as files.
 */
function withFiles(input: unknown, files: AcceptedFile[]): unknown {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return input;
  const report: Record<string, unknown> = { ...input };
  const evidence = files.filter((f) => f.role === "evidence").map(meta);
  const authorization = files.find((f) => f.role === "agent-authorization");
  const proof = files.find((f) => f.role === "ownership-proof");
  delete report.evidence;
  delete report.agentAuthorization;
  if (evidence.length) report.evidence = evidence;
  if (authorization) report.agentAuthorization = meta(authorization);
  if (proof) report.ownershipProof = meta(proof);
  else if (typeof report.ownershipProof !== "string") delete report.ownershipProof;
  return report;
}

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

/**
 * Validates and stores one report with its files as a unit: the files are written first,
 * the rows in one transaction, and the files removed again if the transaction fails.
 */
export async function submitReport(input: SubmitInput): Promise<SubmittedReport> {
  if (input.idempotencyKey) {
    const replay = await findReplay(input.idempotencyKey, input.requestHash);
    if (replay) return replay as SubmittedReport;
  }
  const totals = fileTotalsProblem(input.files.map((f) => ({ size: f.bytes.byteLength })));
  if (totals) throw new ApiError("validation", { fields: { evidence: [totals] } });

  const files: AcceptedFile[] = [];
  for (const upload of input.files) files.push(await acceptFile(upload));

  const parsed = reportSchema.safeParse(withFiles(input.report, files), { error: issueKeyMap });
  if (!parsed.success) throw new ApiError("validation", { fields: fieldErrorsOf(parsed.error) });
  const report = parsed.data;

  let email: EmailFacts | undefined;
  if (report.category === "spam" && report.channel === "email") {
    if (report.rawEmail) files.push(rawEmailFile(report.rawEmail));
    const eml = files.find((f) => f.type === "message/rfc822");
    if (eml) email = await readEmail(eml.bytes);
  }
  return store(report, files, targetsOf(report, email), email, input);
}

async function store(
  report: Report,
  files: AcceptedFile[],
  targets: Target[],
  email: EmailFacts | undefined,
  input: SubmitInput,
): Promise<SubmittedReport> {
  const id = randomUUID();
  const receipt = generateReceipt();
  const submittedAt = new Date();
  const expectedBy = expectedByFor(
    { category: report.category, subtype: "subtype" in report ? report.subtype : undefined, ongoingDanger: report.category === "crime" && report.ongoingDanger },
    submittedAt,
  );
  const { description, contact, locale, details } = splitReport(report, email);
  const unique = [...new Map(files.map((f) => [f.sha256, f])).values()];

  await writeReportFiles(id, unique);
  try {
    return await db.$transaction(async (tx) => {
      const sameTargetCount = await countEarlierSameTarget(tx, targets, { before: submittedAt });
      const body: SubmittedReport = {
        id,
        receipt,
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
          subtype: "subtype" in report ? (report.subtype ?? null) : null,
          status: "received",
          receiptHash: hashReceipt(receipt),
          description,
          details: JSON.stringify(details),
          contact: contact ? JSON.stringify(contact) : null,
          locale,
          severity: severityOf(report),
          informationOnly: report.category === "crime" && !report.moneyLost,
          submittedAt,
          expectedBy,
          dueHour: Math.floor(expectedBy.getTime() / 3_600_000),
          targetCount: sameTargetCount,
          evidence: {
            create: unique.map((f) => ({
              role: f.role,
              sha256: f.sha256,
              size: f.size,
              contentType: f.type,
              originalName: f.name,
              uploadedAt: submittedAt,
            })),
          },
          targets: { create: targets.map((t) => ({ kind: t.kind, value: t.value, createdAt: submittedAt })) },
          statusHistory: { create: { status: "received", at: submittedAt } },
        },
      });
      if (targets.length > 0 && sameTargetCount > 0) {
        // Open reports on the same target move up the queue (their third sort key).
        await tx.report.updateMany({
          where: {
            id: { not: id },
            isOpen: true,
            targets: { some: { OR: targets.map((t) => ({ kind: t.kind, value: t.value })) } },
          },
          data: { targetCount: { increment: 1 } },
        });
      }
      if (input.idempotencyKey) {
        await tx.idempotencyRecord.create({
          data: {
            keyHash: hashIdempotencyKey(input.idempotencyKey),
            requestHash: input.requestHash,
            reportId: id,
            sealedBody: sealBody(body, input.idempotencyKey, input.requestHash),
            expiresAt: new Date(submittedAt.getTime() + IDEMPOTENCY_TTL_MS),
          },
        });
      }
      return body;
    });
  } catch (error) {
    await removeReportFiles(id);
    // A concurrent request with the same key committed first: answer as it did.
    if (input.idempotencyKey && isUniqueViolation(error)) {
      const replay = await findReplay(input.idempotencyKey, input.requestHash);
      if (replay) return replay as SubmittedReport;
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === "P2002";
}
