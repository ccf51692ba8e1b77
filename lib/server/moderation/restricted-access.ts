import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isRestricted } from "@/lib/moderation/restricted";
import { db } from "../db";
import { audit } from "./audit";
import { ModerationError } from "./errors";

type Reader = Pick<Prisma.TransactionClient, "report" | "user">;

/**
 * Refuses to let a staff member without the "restricted content" permission act on a
 * restricted report (claim, decide, note, message, bulk): the permission is re-read from
 * the database, inside the caller's transaction.
 */
export async function assertMayOpen(tx: Reader, reportId: string, actorId: string): Promise<void> {
  const report = await tx.report.findUnique({ where: { id: reportId }, select: { category: true, subtype: true } });
  if (!report || !isRestricted(report)) return;
  const user = await tx.user.findUnique({ where: { id: actorId }, select: { restrictedContent: true } });
  if (!user?.restrictedContent) throw new ModerationError("restricted");
}

/** Records that a permitted staff member opened a restricted report, or downloaded its evidence. */
export async function auditRestricted(actorId: string, reportId: string, what: "open-restricted" | "download-restricted" | "download-harmful", after?: Record<string, string>): Promise<void> {
  await db.$transaction((tx) => audit(tx, { actorId, action: what, reportId, after }));
}
