import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "../db";

/** The statuses that make a target "known": someone already acted on it or passed it on. */
const ACTED = ["actioned", "forwarded"];

export type KnownTarget = { kind: string; value: string; status: string; decidedAt: Date; reportId: string; caseNumber: string | null };

const keyOf = (t: { kind: string; value: string }) => `${t.kind}\u0000${t.value}`;

/**
 * For each target key, the most recent report on it that was actioned or forwarded (other
 * than the reports asked about), so that a new report on a known target says so. One query,
 * on the target keys' index, capped.
 */
export async function knownTargets(keys: readonly { kind: string; value: string }[], excluding: readonly string[]): Promise<Map<string, KnownTarget>> {
  const unique = [...new Map(keys.map((k) => [keyOf(k), { kind: k.kind, value: k.value }])).values()].slice(0, 200);
  const known = new Map<string, KnownTarget>();
  if (unique.length === 0) return known;
  // From the target keys' index to the reports by their primary key: never a scan of every
  // decided report.
  const rows = await db.$queryRaw<{ kind: string; value: string; id: string; caseNumber: string | null; status: string; closedAt: Date | string | null; firstDecisionAt: Date | string | null; updatedAt: Date | string }[]>(Prisma.sql`
    SELECT t."kind" AS "kind", t."value" AS "value", r."id" AS "id", r."caseNumber" AS "caseNumber", r."status" AS "status",
      r."closedAt" AS "closedAt", r."firstDecisionAt" AS "firstDecisionAt", r."updatedAt" AS "updatedAt"
    FROM "TargetKey" t JOIN "Report" r ON r."id" = t."reportId"
    WHERE (${Prisma.join(unique.map((k) => Prisma.sql`(t."kind" = ${k.kind} AND t."value" = ${k.value})`), " OR ")})
      AND r."status" IN (${Prisma.join(ACTED)})
      ${excluding.length > 0 ? Prisma.sql`AND r."id" NOT IN (${Prisma.join([...excluding])})` : Prisma.empty}
    LIMIT 2000`);
  for (const row of rows) {
    const decidedAt = new Date(row.closedAt ?? row.firstDecisionAt ?? row.updatedAt);
    const was = known.get(keyOf(row));
    if (!was || was.decidedAt < decidedAt) known.set(keyOf(row), { kind: row.kind, value: row.value, status: row.status, decidedAt, reportId: row.id, caseNumber: row.caseNumber });
  }
  return known;
}

export const knownKey = keyOf;
