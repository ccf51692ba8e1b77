import "server-only";
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { db } from "./db";
import { getEnv } from "./env";
import { ApiError } from "./http";

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export function hashIdempotencyKey(key: string): string {
  return createHash("sha256").update(`idem:v1:${key}`).digest("hex");
}

/** Reads the header; a key over 64 characters or with control characters is a 400. */
export function idempotencyKeyOf(request: Request): string | undefined {
  const key = request.headers.get("idempotency-key");
  if (key === null) return undefined;
  if (key.length === 0 || key.length > 64 || !/^[\x21-\x7e]+$/.test(key)) throw new ApiError("bad_request");
  return key;
}

/**
 * The replay body contains the receipt, which the database may only hold as a hash. It is
 * sealed under a key derived from the server secret, the client's idempotency key and the
 * request hash: only a retry of the very same request can open it.
 */
function sealingKey(idempotencyKey: string, requestHash: string): Buffer {
  return Buffer.from(hkdfSync("sha256", getEnv().appSecret, requestHash, `idempotency:${idempotencyKey}`, 32));
}

export function sealBody(body: unknown, idempotencyKey: string, requestHash: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(idempotencyKey, requestHash), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(body), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64");
}

function openBody(sealed: string, idempotencyKey: string, requestHash: string): unknown {
  const raw = Buffer.from(sealed, "base64");
  const decipher = createDecipheriv("aes-256-gcm", sealingKey(idempotencyKey, requestHash), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8"));
}

/**
 * The stored 201 body for a repeated key and request; 422 for the same key with another
 * request; undefined when the key is new (or its record has expired).
 */
export async function findReplay(idempotencyKey: string, requestHash: string): Promise<unknown | undefined> {
  const keyHash = hashIdempotencyKey(idempotencyKey);
  const record = await db.idempotencyRecord.findUnique({ where: { keyHash } });
  if (!record) return undefined;
  if (record.expiresAt.getTime() <= Date.now()) {
    await db.idempotencyRecord.deleteMany({ where: { keyHash, expiresAt: { lte: new Date() } } });
    return undefined;
  }
  if (record.requestHash !== requestHash) throw new ApiError("idempotency_mismatch");
  return openBody(record.sealedBody, idempotencyKey, requestHash);
}
