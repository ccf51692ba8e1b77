import { handle, jsonResponse, localeOf } from "@/lib/server/http";
import { enforceRateLimit } from "@/lib/server/rate-limit";
import { parseJson, readLimited } from "@/lib/server/request-body";
import { submitBatch } from "@/lib/server/submit-batch";
import { ApiError } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** 100 reports at their largest JSON, with room to spare. */
const MAX_BATCH_BYTES = 20 * 1024 * 1024;

/** Bulk intake for trusted partners (spec/api.md): JSON only, results in input order. */
export const POST = handle(async (request) => {
  await enforceRateLimit(request.headers, "batch");
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
    throw new ApiError("unsupported_media_type");
  }
  const results = await submitBatch(parseJson(await readLimited(request, MAX_BATCH_BYTES)), localeOf(request));
  return jsonResponse(200, { results });
});
