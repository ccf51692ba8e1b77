import { ApiError, handle, jsonResponse } from "@/lib/server/http";
import { enforceRateLimit } from "@/lib/server/rate-limit";
import { lookupReceipt, lookupSchema, parseOr422, withMinimumDuration } from "@/lib/server/receipt-lookup";
import { parseJson, readLimited } from "@/lib/server/request-body";

export const dynamic = "force-dynamic";

/** The reporter's view of a report. The receipt travels in the body, never in a URL. */
export const POST = handle(async (request) => {
  await enforceRateLimit(request.headers, "lookup");
  const { receipt } = parseOr422(lookupSchema, parseJson(await readLimited(request, 4096)));
  const view = await withMinimumDuration(() => lookupReceipt(receipt));
  if (!view) throw new ApiError("not_found");
  const { acceptsMessages, ...answer } = view;
  void acceptsMessages;
  return jsonResponse(200, answer);
});
