import "server-only";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "../db";
import { log } from "../logger.mjs";
import { audit } from "../moderation/audit";
import { verifyPassword } from "../passwords";
import { clientAddress, countOne, countRecent } from "../rate-limit";

/** Failed sign-ins are counted per account and per client over 15 to 30 minutes. */
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** From this many failures each attempt waits a little longer… */
export const SLOW_AFTER = 3;
/** …and from this many the account or client is refused until the window ends. */
export const LOCK_AFTER = 10;

/** Why a sign-in failed, as a key of `auth.errors` in the messages. */
export type SignInFailure = "invalid" | "locked";

export class SignInError extends Error {
  constructor(readonly reason: SignInFailure) {
    super(reason);
  }
}

/**
 * Checks staff credentials. Unknown accounts cost the same Argon2 work as known ones, so
 * timing does not reveal which emails exist. Repeated failures slow down, then lock out,
 * the account and the client for the rest of a 15-minute window.
 */
export async function signInWithPassword(email: string, password: string, headers: Headers): Promise<{ userId: string; sessionId: string }> {
  const account = email.trim().toLowerCase();
  const client = clientAddress(headers);
  const failures = Math.max(
    await countRecent("login-fail-account", account, FAILURE_WINDOW_MS),
    await countRecent("login-fail-client", client, FAILURE_WINDOW_MS),
  );
  if (failures >= LOCK_AFTER) {
    log.warn({ event: "sign-in-refused", reason: "locked" }, "security event");
    throw new SignInError("locked");
  }
  if (failures >= SLOW_AFTER) await sleep(Math.min(failures - SLOW_AFTER + 1, 5) * 500);

  const user = await db.user.findUnique({ where: { email: account } });
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user || !valid || !user.active) {
    await countOne("login-fail-account", account, FAILURE_WINDOW_MS);
    await countOne("login-fail-client", client, FAILURE_WINDOW_MS);
    // Never the submitted email: people type their password into it by mistake.
    log.warn({ event: "sign-in-failed", userId: user?.id ?? null, inactive: user ? !user.active : undefined }, "security event");
    throw new SignInError("invalid");
  }
  const sessionId = randomUUID();
  await db.$transaction(async (tx) => {
    await tx.staffSession.create({ data: { id: sessionId, userId: user.id } });
    await audit(tx, { actorId: user.id, action: "sign-in" });
  });
  log.info({ event: "sign-in", userId: user.id, sessionId }, "security event");
  return { userId: user.id, sessionId };
}

/** An Argon2id hash of a random string, verified against when the email is unknown. */
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$WpAbWzOIKrOUFTEy4YqRng$UKwkcyufxR4OKOeExzKF15Nen5v+4pubNorLJnHy7ic";
