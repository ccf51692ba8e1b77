import "server-only";
import { randomUUID } from "node:crypto";
import type { ActionResult } from "@/lib/validation/action-result";
import { ApiError, isDatabaseUnavailable } from "../http";
import { errorFields, log } from "../logger.mjs";
import { metrics } from "../metrics.mjs";

/**
 * Turns a failure into an ActionResult: expected ones keep their code and field errors;
 * anything else is logged with a reference the user can quote.
 */
export function failure<V>(error: unknown, values?: V): ActionResult<never, V> {
  if (error instanceof ApiError) {
    switch (error.code) {
      case "validation":
        return { ok: false, fieldErrors: error.options.fields, formError: "errors.validation", values };
      case "unsupported_media_type": {
        // The refused file is named next to the input it came from; the form's input for a
        // proof of ownership is ownershipProofFile, beside the ownershipProof text.
        const { ownershipProof, ...fields } = error.options.fields ?? { evidence: ["file_type"] };
        const fieldErrors = ownershipProof ? { ...fields, ownershipProofFile: ownershipProof } : fields;
        return { ok: false, fieldErrors, formError: "errors.validation", values };
      }
      case "too_large":
        return { ok: false, fieldErrors: { evidence: ["files_total_too_large:25"] }, formError: "errors.validation", values };
      default:
        return { ok: false, formError: `errors.${error.code}`, values };
    }
  }
  if (isDatabaseUnavailable(error)) {
    metrics.databaseErrors.inc();
    log.error({ err: errorFields(error), in: "action" }, "database unavailable");
    return { ok: false, formError: "errors.unavailable", values };
  }
  const ref = randomUUID();
  log.error({ ref, in: "action", err: errorFields(error) }, "unexpected failure");
  return { ok: false, formError: `errors.internal|${ref}`, values };
}
