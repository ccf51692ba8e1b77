import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "../db";
import { getEnv } from "../env";
import { audit } from "./audit";
import { ModerationError } from "./errors";
import { holderOf } from "@/lib/moderation/claim";
import { assertMayOpen } from "./restricted-access";
import { PRIORITY_ORDER } from "./priority";

export type Actor = { id: string; role: "MODERATOR" | "ADMIN" };

const claimUntil = (now: Date) => new Date(now.getTime() + getEnv().CLAIM_TTL_MINUTES * 60_000);

/** Reports nobody holds: never claimed, or the claim has run out. */
const unclaimedOr = (now: Date): Prisma.ReportWhereInput[] => [
  { claimedById: null },
  { claimExpiresAt: null },
  { claimExpiresAt: { lte: now } },
];
const unclaimed = (now: Date): Prisma.ReportWhereInput => ({ OR: unclaimedOr(now) });

/**
 * Takes the claim with a compare-and-set: the update only matches while the report is
 * unclaimed or already ours, so two moderators can never both win it, on SQLite or
 * PostgreSQL, whatever the isolation level.
 */
export async function takeClaim(tx: Prisma.TransactionClient, reportId: string, actor: Actor, now: Date): Promise<boolean> {
  // A fresh claim starts the handling clock; renewing our own keeps it.
  let won = await tx.report.updateMany({
    where: { id: reportId, OR: unclaimedOr(now) },
    data: { claimedById: actor.id, claimExpiresAt: claimUntil(now), claimedAt: now, replyPending: false },
  });
  if (won.count === 0) {
    won = await tx.report.updateMany({
      where: { id: reportId, claimedById: actor.id },
      data: { claimExpiresAt: claimUntil(now), replyPending: false },
    });
  }
  if (won.count === 0) return false;
  const report = await tx.report.findUniqueOrThrow({ where: { id: reportId }, select: { status: true } });
  if (report.status === "received") {
    // Someone is looking at it now: the reporter sees "in review".
    await tx.report.update({ where: { id: reportId }, data: { status: "in-review" } });
    await tx.statusEvent.create({ data: { reportId, status: "in-review", actorId: actor.id, at: now } });
  }
  await audit(tx, { actorId: actor.id, action: "claim", reportId, after: { claimExpiresAt: claimUntil(now) } });
  return true;
}

/** Claims one report, or renews our own claim. */
export async function claimReport(reportId: string, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const report = await tx.report.findUnique({ where: { id: reportId }, select: { id: true } });
    if (!report) throw new ModerationError("not_found");
    await assertMayOpen(tx, reportId, actor.id);
    if (!(await takeClaim(tx, reportId, actor, new Date()))) throw new ModerationError("claimed_by_other");
  });
}

/** Gives a claim up. Only its holder may, or an admin for anyone's. */
export async function releaseClaim(reportId: string, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const report = await tx.report.findUnique({ where: { id: reportId }, select: { claimedById: true, claimExpiresAt: true } });
    if (!report) throw new ModerationError("not_found");
    const holder = holderOf(report);
    if (!holder) throw new ModerationError("not_claimed");
    if (holder !== actor.id && actor.role !== "ADMIN") throw new ModerationError("claimed_by_other");
    await tx.report.update({ where: { id: reportId }, data: { claimedById: null, claimExpiresAt: null } });
    await audit(tx, { actorId: actor.id, action: "release", reportId, before: { claimedById: holder } });
  });
}

/**
 * "Next report": claims the highest-priority open report that nobody holds. When another
 * moderator wins a candidate first, the next candidate is tried.
 */
export async function claimNext(actor: Actor, filter: Prisma.ReportWhereInput = {}): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const now = new Date();
    const candidates = await db.report.findMany({
      where: { AND: [filter, { isOpen: true }, unclaimed(now)] },
      orderBy: PRIORITY_ORDER,
      take: 5,
      select: { id: true },
    });
    if (candidates.length === 0) throw new ModerationError("queue_empty");
    for (const { id } of candidates) {
      const won = await db.$transaction((tx) => takeClaim(tx, id, actor, now));
      if (won) return id;
    }
  }
  throw new ModerationError("queue_empty");
}

/**
 * The holder has read the reporter's answer: the queue stops flagging it. Only the holder
 * clears the flag; for anyone else, or with no answer waiting, nothing changes. Deciding
 * and claiming clear it too.
 */
export async function markReplyRead(reportId: string, actor: Actor): Promise<void> {
  await db.report.updateMany({ where: { id: reportId, claimedById: actor.id, replyPending: true }, data: { replyPending: false } });
}
