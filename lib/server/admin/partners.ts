import "server-only";
import { z } from "zod";
import { addDays, dayOf, type Day } from "@/lib/stats/days";
import { db } from "../db";
import { audit } from "../moderation/audit";
import { generatePartnerKey, hashPartnerKey, keyPrefixOf, parseRate } from "../partners";

/**
 * Partner keys of the batch intake: made from the command line (`npm run partner`),
 * listed and revoked by admins in /admin/partners. Every change is audited in the same
 * transaction; a revocation takes effect on the key's next request, because every request
 * looks the key up (partners.ts).
 */
export const newPartnerSchema = z.object({
  name: z.string().trim().min(1, "give the partner a name").max(200, "use at most 200 characters"),
  rateLimit: z
    .string()
    .trim()
    .refine((value) => parseRate(value) !== null, "use COUNT/SECONDS, e.g. 120/600")
    .optional(),
});
export type NewPartner = z.infer<typeof newPartnerSchema>;

/** The staff member acting, or null for the command line. */
type Actor = { id: string } | null;

export class PartnerAdminError extends Error {
  constructor(readonly code: "not_found" | "already_revoked") {
    super(code);
  }
}

/** Makes a partner and its key. The key is returned here once and never stored. */
export async function createPartner(input: NewPartner, actor: Actor): Promise<{ id: string; name: string; key: string }> {
  const key = generatePartnerKey();
  const partner = await db.$transaction(async (tx) => {
    const created = await tx.partner.create({
      data: { name: input.name, keyHash: hashPartnerKey(key), keyPrefix: keyPrefixOf(key), rateLimit: input.rateLimit ?? null },
    });
    await audit(tx, {
      actorId: actor?.id ?? null,
      action: "partner-create",
      after: { partnerId: created.id, name: created.name, keyPrefix: created.keyPrefix, rateLimit: created.rateLimit, via: actor ? "admin" : "cli" },
    });
    return created;
  });
  return { id: partner.id, name: partner.name, key };
}

/** Revokes a key for good: its next request gets 403. */
export async function revokePartner(id: string, actor: Actor): Promise<{ name: string }> {
  return db.$transaction(async (tx) => {
    const partner = await tx.partner.findUnique({ where: { id }, select: { name: true } });
    if (!partner) throw new PartnerAdminError("not_found");
    // Conditional, so that two admins revoking at once audit one revocation, not two.
    const { count } = await tx.partner.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date(), revokedById: actor?.id ?? null } });
    if (count === 0) throw new PartnerAdminError("already_revoked");
    await audit(tx, { actorId: actor?.id ?? null, action: "partner-revoke", after: { partnerId: id, name: partner.name, via: actor ? "admin" : "cli" } });
    return { name: partner.name };
  });
}

export type PartnerRow = Awaited<ReturnType<typeof listPartners>>["partners"][number];

/**
 * Every partner, active ones first, with its use on each of the last `days` days (Beijing
 * time, today last), its total, and when it was last used.
 */
export async function listPartners(days = 7, now = new Date()) {
  const today = dayOf(now);
  const recent: Day[] = Array.from({ length: days }, (_, i) => addDays(today, i - days + 1));
  const [partners, usage, totals] = await Promise.all([
    db.partner.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: { id: true, name: true, keyPrefix: true, rateLimit: true, createdAt: true, revokedAt: true },
    }),
    db.partnerUsage.findMany({ where: { day: { gte: recent[0] } }, select: { partnerId: true, day: true, requests: true, reports: true } }),
    db.partnerUsage.groupBy({ by: ["partnerId"], _sum: { requests: true, reports: true }, _max: { lastAt: true } }),
  ]);
  const byPartner = new Map(totals.map((t) => [t.partnerId, t]));
  const perDay = new Map(usage.map((u) => [`${u.partnerId}|${u.day}`, u]));
  const rows = partners.map((p) => {
    const total = byPartner.get(p.id);
    return {
      ...p,
      lastUsedAt: total?._max.lastAt ?? null,
      totalRequests: total?._sum.requests ?? 0,
      totalReports: total?._sum.reports ?? 0,
      days: recent.map((day) => ({ day, requests: perDay.get(`${p.id}|${day}`)?.requests ?? 0, reports: perDay.get(`${p.id}|${day}`)?.reports ?? 0 })),
    };
  });
  rows.sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null));
  return { days: recent, partners: rows };
}
