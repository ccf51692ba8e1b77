import { handle, jsonResponse, localeOf } from "@/lib/server/http";
import { idempotencyKeyOf } from "@/lib/server/idempotency";
import { enforceRateLimit } from "@/lib/server/rate-limit";
import { readIntakeBody } from "@/lib/server/request-body";
import { submitReport } from "@/lib/server/submit-report";

export const dynamic = "force-dynamic";

/** Files one report, as JSON or as multipart with evidence (spec/api.md). */
export const POST = handle(async (request) => {
  await enforceRateLimit(request.headers, "submit");
  const idempotencyKey = idempotencyKeyOf(request);
  const body = await readIntakeBody(request);
  // A report that names no `locale` is answered in the language the request asks for.
  const created = await submitReport({ ...body, idempotencyKey, locale: localeOf(request) });
  return jsonResponse(201, created);
});
