import { failure } from "@/lib/server/actions/errors";
import { ApiError, handle, jsonResponse, statusOf } from "@/lib/server/http";
import { receiveReportForm, type ReportFormResult } from "@/lib/server/report-form";
import { readFormBody } from "@/lib/server/request-body";

export const dynamic = "force-dynamic";

/** The HTTP status that goes with a form's result; the body is the result itself. */
function statusOfResult(result: ReportFormResult): number {
  if (result.ok) return 201;
  const code = result.formError?.split("|")[0];
  if (code === "errors.rate_limited") return 429;
  if (code === "errors.unavailable") return 503;
  if (code === "errors.internal") return 500;
  return code === "errors.validation" ? 422 : 400;
}

/**
 * The report forms' send with JavaScript: the same form fields as the server action, sent by
 * the page with XMLHttpRequest so that it can show upload progress and a cancel button
 * (components/report-form/send-form.ts). Answers with the form's result as JSON.
 * Like the pages' forms, it is refused from other sites and above the page body limit by
 * scripts/server.mjs (refusalOf); the rate limit and the proof of work apply as everywhere.
 */
export const POST = handle(async (request) => {
  let form: FormData;
  try {
    form = await readFormBody(request);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    // Too large, unreadable or not multipart: said the way the form shows its errors.
    const result = failure<never>(error);
    return jsonResponse(statusOf(error), result, error.options.closeConnection ? { connection: "close" } : {});
  }
  const result = await receiveReportForm(form, request.headers);
  return jsonResponse(statusOfResult(result), result);
});
