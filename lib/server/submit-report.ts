import "server-only";
import { fieldOf, isAsked } from "@/lib/categories/declaration";
import { spam } from "@/lib/categories/spam";
import { placeFiles } from "@/lib/validation/file-places";
import { fileTotalsProblem, type FileMeta } from "@/lib/validation/files";
import { fieldErrorsOf, issueKeyMap } from "@/lib/validation/issue-keys";
import { reportSchema } from "@/lib/validation/report";
import type { Locale } from "@/lib/validation/options";
import { unstorableTextPaths } from "@/lib/validation/text";
import { acceptFile, rawEmailFile, removeReportFiles, writeReportFiles, type AcceptedFile } from "./evidence";
import { extractTargets } from "./extraction";
import { ApiError } from "./http";
import { findReplay } from "./idempotency";
import type { UploadedFile } from "./request-body";
import { storeReports } from "./group-commit";
import { prepareReport, type PreparedReport, type SubmittedReport } from "./report-writer";

export type { SubmittedReport } from "./report-writer";

export type SubmitInput = {
  report: unknown;
  files: UploadedFile[];
  requestHash: string;
  idempotencyKey?: string;
  /** The request's language (Accept-Language): the reporter's, when the report names none. */
  locale?: Locale;
};

const meta = (file: AcceptedFile): FileMeta => ({ name: file.name, size: file.size, type: file.type });

/** Puts the uploaded files where the schema expects them (lib/validation/file-places.ts). */
export function withFiles(input: unknown, files: AcceptedFile[]): unknown {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return input;
  const authorization = files.find((f) => f.role === "agent-authorization");
  const proof = files.find((f) => f.role === "ownership-proof");
  return placeFiles(input as Record<string, unknown>, {
    evidence: files.filter((f) => f.role === "evidence").map(meta),
    agentAuthorization: authorization && meta(authorization),
    ownershipProof: proof && meta(proof),
  });
}

/**
 * Validates a report object with the shared schema and reads what it refers to (a pasted
 * or uploaded .eml) into target keys. Throws the 422 with per-field errors.
 */
const RAW_EMAIL = fieldOf(spam, "rawEmail")!;

export async function validateReport(input: unknown, files: AcceptedFile[], locale?: Locale): Promise<PreparedReport> {
  const parsed = reportSchema.safeParse(input, { error: issueKeyMap });
  if (!parsed.success) throw new ApiError("validation", { fields: fieldErrorsOf(parsed.error) });
  const report = parsed.data;
  const unstorable = unstorableTextPaths(report);
  if (unstorable.length > 0) {
    throw new ApiError("validation", { fields: Object.fromEntries(unstorable.map((path) => [path, ["invalid_text"]])) });
  }
  let eml: Uint8Array | undefined;
  const all = [...files];
  // The email question applies (spam by email): its text, pasted or as an .eml file, is read.
  if (report.category === "spam" && isAsked(RAW_EMAIL, report)) {
    if (report.rawEmail) all.push(rawEmailFile(report.rawEmail));
    eml = all.find((f) => f.type === "message/rfc822")?.bytes;
  }
  const { email, found } = await extractTargets(report, eml);
  return prepareReport(report, all, found, email, locale);
}

/**
 * Validates and stores one report with its files as a unit: the files are written first,
 * the rows in one transaction (shared with other requests: group-commit.ts), and the files
 * removed again if the transaction fails.
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

  const prepared = await validateReport(withFiles(input.report, files), files, input.locale);
  await writeReportFiles(prepared.id, prepared.files);
  try {
    const idempotency = input.idempotencyKey ? { key: input.idempotencyKey, requestHash: input.requestHash } : undefined;
    const [stored] = await storeReports([{ prepared, idempotency }]);
    return stored;
  } catch (error) {
    await removeReportFiles(prepared.id);
    // A concurrent request with the same key committed first: answer as it did.
    if (input.idempotencyKey && isUniqueViolation(error)) {
      const replay = await findReplay(input.idempotencyKey, input.requestHash);
      if (replay) return replay as SubmittedReport;
    }
    throw error;
  }
}

/** A unique constraint refused a row: P2002 from a model query, or the driver's kind from raw SQL. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } } | null;
  return e?.code === "P2002" || e?.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}
