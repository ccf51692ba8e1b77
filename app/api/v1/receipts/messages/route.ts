import { handle, jsonResponse } from "@/lib/server/http";
import { enforceRateLimit } from "@/lib/server/rate-limit";
import { addReporterMessage, parseOr422, replySchema, withMinimumDuration } from "@/lib/server/receipt-lookup";
import { parseJson, readLimited } from "@/lib/server/request-body";

export const dynamic = "force-dynamic";

/** The reporter answers a request for more information, or adds something. */
export const POST = handle(async (request) => {
  await enforceRateLimit(request.headers, "lookup");
  const { receipt, body } = parseOr422(replySchema, parseJson(await readLimited(request, 64 * 1024)));
  const message = await withMinimumDuration(() => addReporterMessage(receipt, body));
  return jsonResponse(201, message);
});
