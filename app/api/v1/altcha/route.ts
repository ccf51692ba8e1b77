import { handle, jsonResponse } from "@/lib/server/http";
import { createProofChallenge, limitChallenges } from "@/lib/server/proof-of-work";

export const dynamic = "force-dynamic";

/** A fresh proof-of-work challenge for the web forms' ALTCHA widget; never cached. */
export const GET = handle(async (request) => {
  limitChallenges(request.headers);
  return jsonResponse(200, await createProofChallenge());
});
