import "server-only";
import { formatCaseNumber } from "@/lib/moderation/case-number";
import { dayOf } from "@/lib/stats/days";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The next case numbers, one per report, in order: one upsert per year in the group. The
 * counter's row stays locked until the transaction ends, so concurrent transactions, on any
 * instance, take their numbers one after the other, without gaps or repeats.
 */
export async function allocateCaseNumbers(tx: Prisma.TransactionClient, submitted: readonly Date[]): Promise<string[]> {
  const years = submitted.map((at) => Math.floor(dayOf(at) / 10_000));
  const counts = new Map<number, number>();
  for (const year of years) counts.set(year, (counts.get(year) ?? 0) + 1);
  const next = new Map<number, number>();
  for (const [year, n] of [...counts].sort((a, b) => a[0] - b[0])) {
    const [{ last }] = await tx.$queryRaw<{ last: number | bigint }[]>(
      Prisma.sql`INSERT INTO "CaseCounter" ("year", "last") VALUES (${year}, ${n})
        ON CONFLICT ("year") DO UPDATE SET "last" = "CaseCounter"."last" + ${n} RETURNING "last"`,
    );
    next.set(year, Number(last) - n + 1);
  }
  return years.map((year) => {
    const n = next.get(year)!;
    next.set(year, n + 1);
    return formatCaseNumber(year, n);
  });
}

