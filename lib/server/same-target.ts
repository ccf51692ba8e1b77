import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Target } from "@/lib/targets/extract";

type Reader = Pick<Prisma.TransactionClient, "report">;

/**
 * How many other reports, submitted before `before`, share at least one of these target
 * keys. Each key is one probe of the (kind, value, createdAt) index.
 */
export async function countEarlierSameTarget(
  db: Reader,
  targets: readonly { kind: Target["kind"] | string; value: string }[],
  options: { before: Date; excludeId?: string },
): Promise<number> {
  if (targets.length === 0) return 0;
  return db.report.count({
    where: {
      submittedAt: { lt: options.before },
      ...(options.excludeId ? { id: { not: options.excludeId } } : {}),
      targets: { some: { OR: targets.map((t) => ({ kind: t.kind, value: t.value })) } },
    },
  });
}
