import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { createChallenge, randomInt, verifySolution, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { z } from "zod";
import { getEnv } from "./env";
import { ApiError } from "./http";
import { clientAddress, countRequest } from "./rate-limit";

/**
 * The web forms' proof of work (ALTCHA). The browser spends about a second of CPU on a
 * challenge signed here; a form post that carries the solution gets the higher
 * RATE_LIMIT_SUBMIT_VERIFIED. Nothing about the person is collected: the challenge is random
 * and the solution says only that the work was done.
 *
 * The server picks the counter (ALTCHA's "deterministic mode"): the browser must try every
 * counter up to it, PBKDF2_COST iterations each, while the server derives one key to make
 * the challenge and checks a solution with one HMAC (the key signature), so neither a
 * challenge nor a forged solution costs the server real work.
 */
export const ALGORITHM = "PBKDF2/SHA-256";
const PBKDF2_COST = 1_000;
/** 2,000–6,000 counters × 1,000 iterations: about a second on one core of a laptop. */
const COUNTER_MIN = 2_000;
const COUNTER_MAX = 6_000;
/** A form takes minutes to fill in; the widget fetches a fresh challenge when one expires. */
export const CHALLENGE_TTL_SECONDS = 30 * 60;
/** A real payload is about 700 bytes of base64; anything far larger is not one. */
const MAX_PAYLOAD_CHARS = 4_096;

function keys() {
  // Derived so that APP_SECRET stays the only secret to configure and rotate.
  const derive = (purpose: string) => createHmac("sha256", getEnv().appSecret).update(`altcha|${purpose}`).digest("hex");
  return { hmacSignatureSecret: derive("challenge"), hmacKeySignatureSecret: derive("key") };
}

/** A fresh signed challenge, as the widget expects it from `GET /api/v1/altcha`. */
export async function createProofChallenge(now = Date.now()): Promise<Challenge> {
  return createChallenge({
    algorithm: ALGORITHM,
    cost: PBKDF2_COST,
    counter: randomInt(COUNTER_MAX, COUNTER_MIN),
    deriveKey,
    expiresAt: Math.floor(now / 1000) + CHALLENGE_TTL_SECONDS,
    ...keys(),
  });
}

/**
 * Challenges handed out per client per window, counted in this instance's memory: making
 * one costs a single key derivation, less than the database write a shared count would
 * need, so the limit only has to keep one client from occupying an instance. Each
 * instance allows twice the verified submission limit (a challenge per form view, and
 * another after an error or an expiry). Addresses are kept only as an HMAC under a secret
 * that lives and dies with the process.
 */
const issued = new Map<string, number>();
let issuedWindow = -1;
const processSecret = randomBytes(32);
/** Beyond this many clients in one window, new ones are not tracked: memory stays bounded. */
const MAX_TRACKED = 100_000;

/** Counts one challenge for the client; throws 429 when its share for the window is spent. */
export function limitChallenges(headers: Headers, now = Date.now()): void {
  const { limit, windowMs } = getEnv().RATE_LIMIT_SUBMIT_VERIFIED;
  const window = Math.floor(now / windowMs);
  if (window !== issuedWindow) {
    issued.clear();
    issuedWindow = window;
  }
  const key = createHmac("sha256", processSecret).update(clientAddress(headers)).digest("base64url");
  const count = (issued.get(key) ?? 0) + 1;
  if (issued.has(key) || issued.size < MAX_TRACKED) issued.set(key, count);
  if (count > 2 * limit) throw new ApiError("rate_limited", { retryAfterSec: Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000)) });
}

const hex = z.string().regex(/^[0-9a-f]+$/).max(256);

/** Exactly the fields createProofChallenge signs: anything else cannot verify anyway. */
const payloadSchema = z.object({
  challenge: z.object({
    parameters: z.strictObject({
      algorithm: z.literal(ALGORITHM),
      nonce: hex,
      salt: hex,
      cost: z.literal(PBKDF2_COST),
      keyLength: z.number().int().min(1).max(64),
      keyPrefix: hex,
      keySignature: hex,
      expiresAt: z.number().int().positive(),
    }),
    signature: hex,
  }),
  solution: z.object({
    counter: z.number().int().min(0).max(0xffffffff),
    derivedKey: hex,
    time: z.number().optional(),
  }),
});

export type ProofResult = "verified" | "missing" | "invalid" | "expired" | "replayed";

/**
 * Records that a challenge was used; true the first time only. The mark lives in the
 * rate-limit table, in a bucket named after the challenge's signature that is kept until the
 * challenge has expired: every instance sees it, and a replay, even one racing the first
 * use, counts above 1.
 */
async function markUsed(signature: string, expiresAt: Date): Promise<boolean> {
  return (await countRequest(`altcha|${signature}`, expiresAt)) === 1;
}

/**
 * Checks the form's `altcha` field. Only a well-formed payload of an unexpired challenge
 * signed here, with a correct solution, used for the first time, is "verified"; every other
 * outcome means the post is treated like one without JavaScript.
 */
export async function verifyProofOfWork(field: FormDataEntryValue | null): Promise<ProofResult> {
  if (typeof field !== "string" || field === "") return "missing";
  if (field.length > MAX_PAYLOAD_CHARS) return "invalid";
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(field, "base64").toString("utf8"));
  } catch {
    return "invalid";
  }
  const parsed = payloadSchema.safeParse(decoded);
  if (!parsed.success) return "invalid";
  const { challenge, solution } = parsed.data;
  const result = await verifySolution({ challenge, solution, deriveKey, ...keys() });
  if (result.expired) return "expired";
  if (!result.verified) return "invalid";
  return (await markUsed(challenge.signature, new Date(challenge.parameters.expiresAt * 1000))) ? "verified" : "replayed";
}
