import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { dayOf } from "@/lib/stats/days";
import { createBatcher, type Waiting } from "./batcher";
import { db } from "./db";
import { getEnv } from "./env";
import { ApiError } from "./http";
import { countRequest } from "./rate-limit";

/**
 * Partner keys for the batch intake (spec/api.md): `rpk_` and 43 base64url characters, 256
 * random bits. The prefix lets secret scanners and people recognise a leaked key. Only the
 * SHA-256 of a key is stored; with 256 random bits a fast hash is enough, and a request's
 * key is found by hashing it and looking the hash up, so no stored secret is ever compared.
 */
export const PARTNER_KEY_PREFIX = "rpk_";
const KEY_PATTERN = /^rpk_[A-Za-z0-9_-]{43}$/;

export function generatePartnerKey(): string {
  return `${PARTNER_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export function hashPartnerKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** What lists show of a key: enough to tell keys apart, far too little to guess one. */
export const keyPrefixOf = (key: string) => key.slice(0, PARTNER_KEY_PREFIX.length + 6);

/** `count/seconds`, as in RATE_LIMIT_BATCH. */
export function parseRate(value: string): { limit: number; windowMs: number } | null {
  const match = /^(\d{1,9})\/(\d{1,7})$/.exec(value);
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) return null;
  return { limit: Number(match[1]), windowMs: Number(match[2]) * 1000 };
}

export type AuthenticatedPartner = { id: string; name: string; rateLimit: string | null };

/**
 * The partner whose key the request carries in `Authorization: Bearer <key>`. 401 without a
 * key or with an unknown one, 403 with a revoked one (whose attempt is still counted, so an
 * admin sees a revoked key that is still in use). Runs before the body is read.
 */
export async function authenticatePartner(headers: Headers): Promise<AuthenticatedPartner> {
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(headers.get("authorization") ?? "");
  if (!match || !KEY_PATTERN.test(match[1])) throw new ApiError("unauthorized");
  const partner = await db.partner.findUnique({
    where: { keyHash: hashPartnerKey(match[1]) },
    select: { id: true, name: true, rateLimit: true, revokedAt: true },
  });
  if (!partner) throw new ApiError("unauthorized");
  if (partner.revokedAt) {
    await recordPartnerUse(partner.id, 0);
    throw new ApiError("forbidden");
  }
  return { id: partner.id, name: partner.name, rateLimit: partner.rateLimit };
}

/**
 * Counts one batch request against the partner's own fixed window: the partner's
 * `rateLimit` or RATE_LIMIT_BATCH. Keyed by the partner, not the address, so that a partner
 * behind many addresses gets no more and partners behind one NAT do not share a budget.
 * The key is the partner's id in clear: unlike a client address it is not personal data.
 */
export async function enforcePartnerLimit(partner: AuthenticatedPartner): Promise<void> {
  const { limit, windowMs } = (partner.rateLimit && parseRate(partner.rateLimit)) || getEnv().RATE_LIMIT_BATCH;
  const now = Date.now();
  const window = Math.floor(now / windowMs);
  const windowEnds = new Date((window + 1) * windowMs);
  const count = await countRequest(`partner|${partner.id}|${windowMs}|${window}`, windowEnds);
  if (count > limit) {
    throw new ApiError("rate_limited", { retryAfterSec: Math.max(1, Math.ceil((windowEnds.getTime() - now) / 1000)) });
  }
}

type Use = { partnerId: string; day: number; reports: number; at: Date };

/**
 * Counts one request of a partner and the reports it stored in the partner's row of the
 * day. The requests that arrive while one count is written are added together in the next
 * (batcher.ts): one multi-row upsert for all of them, the batch path's only extra write.
 */
export const recordPartnerUse = (partnerId: string, reports: number): Promise<void> => {
  const at = new Date();
  return countUse({ partnerId, day: dayOf(at), reports, at });
};

const countUse = createBatcher<Use, void>(async (batch: Waiting<Use, void>[]) => {
  const rows = new Map<string, { partnerId: string; day: number; requests: number; reports: number; at: Date }>();
  for (const { item } of batch) {
    const key = `${item.partnerId}|${item.day}`;
    const row = rows.get(key);
    if (!row) rows.set(key, { ...item, requests: 1 });
    else {
      row.requests++;
      row.reports += item.reports;
      if (item.at > row.at) row.at = item.at;
    }
  }
  try {
    const values = [...rows.values()].map((r) => Prisma.sql`(${r.partnerId}, ${r.day}, ${r.requests}, ${r.reports}, ${r.at})`);
    await db.$executeRaw(Prisma.sql`
      INSERT INTO "PartnerUsage" ("partnerId", "day", "requests", "reports", "lastAt") VALUES ${Prisma.join(values)}
      ON CONFLICT ("partnerId", "day") DO UPDATE SET
        "requests" = "PartnerUsage"."requests" + excluded."requests",
        "reports" = "PartnerUsage"."reports" + excluded."reports",
        "lastAt" = CASE WHEN excluded."lastAt" > "PartnerUsage"."lastAt" THEN excluded."lastAt" ELSE "PartnerUsage"."lastAt" END`);
    for (const request of batch) request.resolve();
  } catch (error) {
    for (const request of batch) request.reject(error);
  }
});
