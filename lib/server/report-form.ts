import "server-only";
import { createHash } from "node:crypto";
import type { ActionResult } from "@/lib/validation/action-result";
import { ForbiddenFormNameError, formDataToValues, valuesToReport, type FormValues } from "@/lib/validation/form-values";
import { isCategory } from "@/lib/validation/report";
import { failure } from "./actions/errors";
import { ApiError } from "./http";
import { log } from "./logger.mjs";
import { verifyProofOfWork } from "./proof-of-work";
import { enforceRateLimit } from "./rate-limit";
import { cleanName, type FileRole, type UploadedFile } from "./request-body";
import { submitReport } from "./submit-report";

export type ReportReceipt = {
  receipt: string;
  category: string;
  expectedBy: string;
  sameTargetCount: number;
  /** `duplicate` when the report joined an earlier decision on its target at intake. */
  status: string;
};
export type ReportFormResult = ActionResult<ReportReceipt, FormValues>;

const FILE_FIELDS: Record<string, FileRole> = {
  evidence: "evidence",
  agentAuthorization: "agent-authorization",
  ownershipProofFile: "ownership-proof",
};

async function uploadsOf(form: FormData): Promise<UploadedFile[]> {
  const files: UploadedFile[] = [];
  for (const [field, role] of Object.entries(FILE_FIELDS)) {
    for (const value of form.getAll(field)) {
      // An empty file input still sends a nameless, empty part.
      if (typeof value === "string" || (value.size === 0 && (!value.name || value.name === "blob"))) continue;
      files.push({ role, name: cleanName(value.name), bytes: new Uint8Array(await value.arrayBuffer()) });
    }
  }
  return files;
}

/**
 * A web form's report, however it came: the server action (without JavaScript) or the
 * upload route that reports progress (app/api/forms/report). It validates with the same
 * schema and stores through the same function as the JSON API. The form's one-time
 * submission key makes a second send return the first receipt instead of a second report.
 */
export async function receiveReportForm(form: FormData, requestHeaders: Headers): Promise<ReportFormResult> {
  try {
    // A solved proof of work (the ALTCHA widget, with JavaScript) raises the client's limit;
    // without one, or with a forged, expired or reused one, the base limit applies.
    const proven = (await verifyProofOfWork(form.get("altcha"))) === "verified";
    await enforceRateLimit(requestHeaders, proven ? "submit-verified" : "submit");
    const category = form.get("category");
    if (!isCategory(category)) throw new ApiError("bad_request");
    const values = formDataToValues(form, category);
    const files = await uploadsOf(form);
    const report = valuesToReport(values, category);
    const submissionKey = form.get("submissionKey");
    const requestHash = createHash("sha256")
      .update(JSON.stringify(report))
      .update(files.map((f) => `${f.role}:${createHash("sha256").update(f.bytes).digest("hex")}`).join("\n"))
      .digest("hex");
    const created = await submitReport({
      report,
      files,
      requestHash,
      idempotencyKey: typeof submissionKey === "string" && /^[\w-]{16,64}$/.test(submissionKey) ? `form:${submissionKey}`.slice(0, 64) : undefined,
    });
    return {
      ok: true,
      data: {
        receipt: created.receipt,
        category: created.category,
        expectedBy: created.expectedBy,
        sameTargetCount: created.sameTargetCount,
        status: created.status,
      },
    };
  } catch (error) {
    if (error instanceof ForbiddenFormNameError) {
      log.warn({ event: "forbidden-form-name" }, "security event");
      return failure(new ApiError("bad_request"));
    }
    return keptFilesNote(failure(error, answersOf(form)), form);
  }
}

/** The form's file inputs, and the name its errors are shown under. */
const FILE_INPUTS = ["evidence", "agentAuthorization", "ownershipProofFile"] as const;

/**
 * A browser without JavaScript cannot be given chosen files back: a form returned with
 * errors says so at each file input that had files, so they are chosen again, not lost
 * unnoticed. With JavaScript (the form sends `js`) the page keeps the files itself.
 */
function keptFilesNote(result: ReportFormResult, form: FormData): ReportFormResult {
  if (result.ok || form.get("js") === "1") return result;
  const fieldErrors = { ...result.fieldErrors };
  for (const name of FILE_INPUTS) {
    const chosen = form.getAll(name).filter((v) => typeof v !== "string" && v.size > 0).length;
    if (chosen > 0 && !fieldErrors[name]) fieldErrors[name] = [`files_choose_again:${chosen}`];
  }
  return { ...result, fieldErrors };
}

/** The answers to give back with a refusal, so that nothing typed is lost; none for an attack. */
function answersOf(form: FormData): FormValues | undefined {
  const category = form.get("category");
  if (!isCategory(category)) return undefined;
  try {
    return formDataToValues(form, category);
  } catch {
    return undefined;
  }
}
