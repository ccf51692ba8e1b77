import "server-only";
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
  const rows = await db.report.findMany({
    where: { status: { in: ACTED }, id: { notIn: [...excluding] }, targets: { some: { OR: unique } } },
    orderBy: [{ closedAt: "desc" }, { updatedAt: "desc" }],
    take: 500,
    select: { id: true, caseNumber: true, status: true, closedAt: true, firstDecisionAt: true, updatedAt: true, targets: { where: { OR: unique }, select: { kind: true, value: true } } },
  });
  for (const row of rows) {
    const decidedAt = row.closedAt ?? row.firstDecisionAt ?? row.updatedAt;
    for (const t of row.targets) {
      const was = known.get(keyOf(t));
      if (!was || was.decidedAt < decidedAt) known.set(keyOf(t), { kind: t.kind, value: t.value, status: row.status, decidedAt, reportId: row.id, caseNumber: row.caseNumber });
    }
  }
  return known;
}

export const knownKey = keyOf;
