import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { contactKeys, openContact, sealContact, sealedWith, type ContactKey } from "./contact-seal";
import { db } from "./db";

const BATCH = 500;

export type RotationProgress = { scanned: number; resealed: number };

/**
 * Re-seals every stored contact block under `current` (and seals any stored before sealing
 * existed), reading those under `previous`. Online: one statement per 500 reports, each row
 * changed only if it still holds what was read (a compare-and-set), so intake and purges can
 * run meanwhile; a row they changed is left to the next run. Resumable: rows already under
 * the current key are skipped, so running it again after an interruption picks up where it
 * stopped. Linear: one pass in id order.
 */
export async function rotateContacts(
  keys: { current: ContactKey; previous: ContactKey | null } = contactKeys(),
  onProgress: (p: RotationProgress) => void = () => {},
): Promise<RotationProgress> {
  const progress: RotationProgress = { scanned: 0, resealed: 0 };
  for (let after = ""; ; ) {
    const rows = await db.report.findMany({
      where: { id: { gt: after }, contact: { not: null } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, contact: true },
    });
    if (rows.length === 0) break;
    after = rows[rows.length - 1].id;
    progress.scanned += rows.length;
    const stale = rows.filter((r) => sealedWith(r.contact!) !== keys.current.id);
    if (stale.length > 0) {
      const cases = stale.map((r) => Prisma.sql`WHEN "id" = ${r.id} AND "contact" = ${r.contact} THEN ${sealContact(openContact(r.contact!, [keys.current, keys.previous]), keys.current)}`);
      progress.resealed += await db.$executeRaw(Prisma.sql`
        UPDATE "Report" SET "contact" = CASE ${Prisma.join(cases, " ")} ELSE "contact" END
        WHERE "id" IN (${Prisma.join(stale.map((r) => r.id))})`);
    }
    onProgress(progress);
  }
  return progress;
}
