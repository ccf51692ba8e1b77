import { ApiError, handle, jsonResponse, localeOf } from "@/lib/server/http";
import { authenticatePartner, enforcePartnerLimit, recordPartnerUse } from "@/lib/server/partners";
import { parseJson, readLimited } from "@/lib/server/request-body";
import { submitBatch } from "@/lib/server/submit-batch";

export const dynamic = "force-dynamic";

/** 100 reports at their largest JSON, with room to spare. */
const MAX_BATCH_BYTES = 20 * 1024 * 1024;

/**
 * Bulk intake for trusted partners (spec/api.md): the partner key first, before a byte of
 * the body is read; then the partner's own rate limit; JSON only, results in input order.
 * Every request with a valid key is counted in the partner's use of the day, whatever
 * its outcome.
 */
export const POST = handle(async (request) => {
  const partner = await authenticatePartner(request.headers);
  let stored = 0;
  try {
    await enforcePartnerLimit(partner);
    if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
      throw new ApiError("unsupported_media_type");
    }
    const batch = await submitBatch(parseJson(await readLimited(request, MAX_BATCH_BYTES)), localeOf(request), partner);
    stored = batch.stored;
    return jsonResponse(200, { results: batch.results });
  } finally {
    // The reports are stored and their receipts must reach the partner: a failed count
    // (it is statistics, not a guard) is logged and never turns the answer into an error.
    await recordPartnerUse(partner.id, stored).catch((error: unknown) => {
      console.error(`[api] partner use not counted: ${error instanceof Error ? error.name : "error"}`);
    });
  }
});
