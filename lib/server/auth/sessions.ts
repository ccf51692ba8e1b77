import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "../db";
import { getEnv } from "../env";
import { audit } from "../moderation/audit";

/** A session id: 256 random bits. */
export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

/** Ends one session on the server; its cookie, wherever a copy of it is, opens nothing. */
export async function revokeSession(sessionId: string): Promise<void> {
  await db.staffSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * Replaces a session by a new one with a new id, when it gains rights (the code given,
 * enrolment confirmed): whoever saw the old id, before, holds nothing. Returns the new id.
 */
export async function renewSessionIn(tx: Prisma.TransactionClient, sessionId: string, changes: { secondFactorAt: Date }): Promise<string> {
  const next = newSessionId();
  const old = await tx.staffSession.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
  await tx.staffSession.create({ data: { id: next, userId: old.userId, device: old.device, createdAt: old.createdAt, ...changes } });
  return next;
}

/** renewSession with its audit row, in one transaction. */
export function renewSession(sessionId: string, changes: { secondFactorAt: Date }, action: string): Promise<string> {
  return db.$transaction(async (tx) => {
    const next = await renewSessionIn(tx, sessionId, changes);
    const { userId } = await tx.staffSession.findUniqueOrThrow({ where: { id: next }, select: { userId: true } });
    await audit(tx, { actorId: userId, action });
    return next;
  });
}

/** `pending`: the password was given but not the code (the user has a second factor). */
export type SessionRow = { id: string; device: string | null; createdAt: Date; lastSeenAt: Date; current: boolean; pending: boolean };

/** A user's sessions that are still open (not revoked, not idle past the limit), newest first. */
export async function openSessions(userId: string, currentId: string, hasSecondFactor: boolean): Promise<SessionRow[]> {
  const idleSince = new Date(Date.now() - getEnv().SESSION_IDLE_MINUTES * 60_000);
  const rows = await db.staffSession.findMany({
    where: { userId, revokedAt: null, lastSeenAt: { gte: idleSince } },
    orderBy: { lastSeenAt: "desc" },
    take: 100,
    select: { id: true, device: true, createdAt: true, lastSeenAt: true, secondFactorAt: true },
  });
  return rows.map(({ secondFactorAt, ...row }) => ({ ...row, current: row.id === currentId, pending: hasSecondFactor && !secondFactorAt }));
}

/** Ends one of the user's own sessions; another user's id ends nothing. */
export async function endOwnSession(userId: string, sessionId: string): Promise<boolean> {
  const { count } = await db.$transaction(async (tx) => {
    const result = await tx.staffSession.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (result.count) await audit(tx, { actorId: userId, action: "session-end" });
    return result;
  });
  return count === 1;
}

/** Ends every session of the user but `keepId`; returns how many ended. */
export async function endOtherSessions(tx: Prisma.TransactionClient, userId: string, keepId: string): Promise<number> {
  const { count } = await tx.staffSession.updateMany({ where: { userId, revokedAt: null, NOT: { id: keepId } }, data: { revokedAt: new Date() } });
  return count;
}
