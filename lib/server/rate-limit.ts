import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { createBatcher, type Waiting } from "./batcher";
import { db } from "./db";
import { getEnv } from "./env";
import { ApiError } from "./http";
import { log } from "./logger.mjs";
import { metrics } from "./metrics.mjs";

/** "submit-verified": web-form posts with a solved proof-of-work challenge, counted apart. */
/** Partners' batch requests have limits of their own (partners.ts). */
export type RateScope = "submit" | "submit-verified" | "lookup";

const DAY_MS = 24 * 60 * 60 * 1000;
const secrets = new Map<string, string>();

/**
 * Today's random secret, shared by every instance through the database. Secrets older than
 * yesterday are deleted, after which no stored key can be linked to an address again.
 */
async function secretFor(day: string): Promise<string> {
  const cached = secrets.get(day);
  if (cached) return cached;
  let row = await db.rateLimitSecret.findUnique({ where: { day } });
  if (!row) {
    try {
      row = await db.rateLimitSecret.create({ data: { day, secret: randomBytes(32).toString("base64url") } });
    } catch {
      row = await db.rateLimitSecret.findUniqueOrThrow({ where: { day } }); // another instance won
    }
    const yesterday = new Date(Date.now() - DAY_MS).toISOString().slice(0, 10);
    await db.rateLimitSecret.deleteMany({ where: { day: { lt: yesterday } } });
    // Keep an hour of finished windows: sign-in checks look one window back.
    await db.rateLimitBucket.deleteMany({ where: { windowEnds: { lt: new Date(Date.now() - 60 * 60 * 1000) } } });
  }
  if (secrets.size > 4) secrets.clear();
  secrets.set(day, row.secret);
  return row.secret;
}

/**
 * The client's address. The portal's server (scripts/server.mjs) replaces X-Forwarded-For
 * on every request with the one address it trusts (the TCP peer, or the entry that the
 * TRUSTED_PROXY_HOPS-th proxy appended), so whatever a client wrote there never reaches
 * this point. The address is used only inside the HMAC below, never stored.
 */
export function clientAddress(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",").pop()?.trim() || "unknown";
}

/** The bucket key of one identity (a client address, an account) in one window. */
async function bucketKey(scope: string, identity: string, window: number, windowMs: number): Promise<string> {
  // The secret of the day the window started, so a window that spans midnight keeps its key.
  const secret = await secretFor(new Date(window * windowMs).toISOString().slice(0, 10));
  return createHmac("sha256", secret).update(`${scope}|${window}|${identity}`).digest("base64url");
}

/**
 * How many times `identity` was counted under `scope` in the current window and the one
 * before it: a look-back of one to two windows, so that a burst cannot slip through by
 * straddling the boundary between two fixed windows.
 */
export async function countRecent(scope: string, identity: string, windowMs: number): Promise<number> {
  const window = Math.floor(Date.now() / windowMs);
  let total = 0;
  for (const w of [window - 1, window]) {
    const key = await bucketKey(scope, identity, w, windowMs);
    total += (await db.rateLimitBucket.findUnique({ where: { key }, select: { count: true } }))?.count ?? 0;
  }
  return total;
}

/** Counts one event for `identity` under `scope` in the current window; returns the count. */
export async function countOne(scope: string, identity: string, windowMs: number): Promise<number> {
  const window = Math.floor(Date.now() / windowMs);
  const key = await bucketKey(scope, identity, window, windowMs);
  const bucket = await db.rateLimitBucket.upsert({
    where: { key },
    create: { key, count: 1, windowEnds: new Date((window + 1) * windowMs) },
    update: { count: { increment: 1 } },
    select: { count: true },
  });
  return bucket.count;
}

/** Counts one request against the client's fixed window; throws 429 when it is spent. */
export async function enforceRateLimit(headers: Headers, scope: RateScope): Promise<void> {
  const env = getEnv();
  const { limit, windowMs } = {
    submit: env.RATE_LIMIT_SUBMIT,
    "submit-verified": env.RATE_LIMIT_SUBMIT_VERIFIED,
    lookup: env.RATE_LIMIT_LOOKUP,
  }[scope];
  const now = Date.now();
  const window = Math.floor(now / windowMs);
  const windowEnds = new Date((window + 1) * windowMs);
  // The same key as countOne's: the secret of the day the window began.
  const key = await bucketKey(scope, clientAddress(headers), window, windowMs);
  const count = await countRequest(key, windowEnds);
  if (count > limit) {
    // Once per client and window, not on every refused request: the log is no amplifier.
    if (count === limit + 1) log.warn({ event: "rate-limited", scope }, "security event");
    metrics.rateLimited.inc({ scope });
    throw new ApiError("rate_limited", { retryAfterSec: Math.max(1, Math.ceil((windowEnds.getTime() - now) / 1000)) });
  }
}

type Count = { key: string; windowEnds: Date };

/**
 * Counts one request in its bucket and resolves with the bucket's count including it.
 * The requests that arrive while one count is being written are counted together in the
 * next (batcher.ts): one multi-row upsert adds each bucket's number of requests and
 * returns its new total, from which each request gets its own count, exactly as if they
 * had been counted one by one (so the limit holds across instances as before), for one
 * statement and one commit instead of one per request.
 */
export const countRequest = (key: string, windowEnds: Date): Promise<number> => countBatched({ key, windowEnds });

const countBatched = createBatcher<Count, number>(async (batch) => {
  const byKey = new Map<string, Waiting<Count, number>[]>();
  for (const request of batch) {
    const same = byKey.get(request.item.key);
    if (same) same.push(request);
    else byKey.set(request.item.key, [request]);
  }
  try {
    const values = [...byKey].map(([key, requests]) => Prisma.sql`(${key}, ${requests.length}, ${requests[0].item.windowEnds})`);
    const rows = await db.$queryRaw<{ key: string; count: number | bigint }[]>(Prisma.sql`
      INSERT INTO "RateLimitBucket" ("key", "count", "windowEnds") VALUES ${Prisma.join(values)}
      ON CONFLICT ("key") DO UPDATE SET "count" = "RateLimitBucket"."count" + excluded."count"
      RETURNING "key", "count"`);
    for (const row of rows) {
      const requests = byKey.get(row.key)!;
      const first = Number(row.count) - requests.length + 1;
      requests.forEach((request, i) => request.resolve(first + i));
      byKey.delete(row.key);
    }
    for (const requests of byKey.values()) for (const request of requests) request.reject(new Error("rate limit bucket not returned"));
  } catch (error) {
    for (const request of batch) request.reject(error);
  }
});
