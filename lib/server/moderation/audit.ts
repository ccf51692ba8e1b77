import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

type Writer = Pick<Prisma.TransactionClient, "auditEvent">;

export type AuditEntry = {
  actorId: string | null;
  action: string;
  reportId?: string | null;
  before?: unknown;
  after?: unknown;
};

/**
 * Appends one row to the audit log, inside the caller's transaction, so that an action and
 * its record are committed together or not at all.
 */
export async function audit(tx: Writer, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      reportId: entry.reportId ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    },
  });
}
