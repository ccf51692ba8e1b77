import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { targetKeyOf } from "@/lib/targets/target-key";
import { db } from "../db";

/** The statuses that make a target "known": someone already acted on it or passed it on. */
const ACTED = ["actioned", "forwarded"];

export type KnownTarget = { kind: string; value: string; status: string; decidedAt: Date; reportId: string; caseNumber: string | null };

type Reader = Pick<Prisma.TransactionClient, "$queryRaw">;
type Row = { kind: string; value: string; id: string; caseNumber: string | null; status: string; closedAt: Date | string | null; firstDecisionAt: Date | string | null; updatedAt: Date | string };

/** Keys asked about at once; a queue page asks for 50. */
const MAX_KEYS = 200;

/**
 * For each target key, the most recently received report on it that was actioned or
 * forwarded (other than the reports asked about), so that a new report on a known target
 * says so, and can be linked to it (auto-link.ts). One statement: per key, the target keys'
 * index walked from the newest, stopping at the first acted-on report, so a target decided
 * many thousands of times costs no more than one decided once.
 */
export async function knownTargets(
  keys: readonly { kind: string; value: string }[],
  excluding: readonly string[],
  client: Reader = db,
): Promise<Map<string, KnownTarget>> {
  const unique = [...new Map(keys.map((k) => [targetKeyOf(k), { kind: k.kind, value: k.value }])).values()].slice(0, MAX_KEYS);
  const known = new Map<string, KnownTarget>();
  if (unique.length === 0) return known;
  // Two per key, so that one excluded report (the one being looked at) leaves the next.
  const perKey = unique.map(
    (k, i) => Prisma.sql`SELECT * FROM (
      SELECT t."kind" AS "kind", t."value" AS "value", r."id" AS "id", r."caseNumber" AS "caseNumber", r."status" AS "status",
        r."closedAt" AS "closedAt", r."firstDecisionAt" AS "firstDecisionAt", r."updatedAt" AS "updatedAt"
      FROM "TargetKey" t JOIN "Report" r ON r."id" = t."reportId"
      WHERE t."kind" = ${k.kind} AND t."value" = ${k.value} AND r."status" IN (${Prisma.join(ACTED)})
      ORDER BY t."createdAt" DESC LIMIT 2) AS ${Prisma.raw(`"k${i}"`)}`,
  );
  const rows = await client.$queryRaw<Row[]>(Prisma.join(perKey, " UNION ALL "));
  const skip = new Set(excluding);
  for (const row of rows) {
    if (skip.has(row.id) || known.has(targetKeyOf(row))) continue;
    const decidedAt = new Date(row.closedAt ?? row.firstDecisionAt ?? row.updatedAt);
    known.set(targetKeyOf(row), { kind: row.kind, value: row.value, status: row.status, decidedAt, reportId: row.id, caseNumber: row.caseNumber });
  }
  return known;
}

export const knownKey = targetKeyOf;
