import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "../db";
import { log } from "../logger.mjs";
import { audit } from "../moderation/audit";
import { verifyPassword } from "../passwords";
import { clientAddress, countOne, countRecent } from "../rate-limit";
import { deviceOf } from "./device";
import { checkSecondFactor, recoveryInput, totpInput } from "./second-factor";
import { newSessionId, renewSession, revokeSession } from "./sessions";

/** Failed sign-ins (wrong passwords and wrong codes) are counted over 15 to 30 minutes. */
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** From this many failures from one client each attempt waits a little longer… */
export const SLOW_AFTER = 3;
/** …and from this many that client is refused until the window ends. */
export const LOCK_AFTER = 10;
/** Wrong codes one signed-in-by-password session may give before it is ended. */
export const CODE_ATTEMPTS = 5;
/** Failures on one account, from any clients, after which operators are told (logged once). */
export const ACCOUNT_ALERT_AFTER = 20;
/**
 * Wrong codes from the app on one account, from any clients, after which that account's
 * codes are refused for the rest of the window; recovery codes still work. Whoever gives
 * codes has the password already, so this does not let strangers lock anyone out, and it
 * stops an attacker with many addresses from trying the million codes.
 */
export const ACCOUNT_CODE_LIMIT = 10;

/** Why a sign-in failed, as a key of `auth.errors` in the messages (and of next-auth's `?error=`). */
export const SIGN_IN_FAILURES = ["invalid", "locked", "code", "recovery", "codeSuspended", "expired"] as const;
export type SignInFailure = (typeof SIGN_IN_FAILURES)[number];

export class SignInError extends Error {
  constructor(readonly reason: SignInFailure) {
    super(reason);
  }
}

/**
 * Refuses a client with too many recent failures and slows one with a few. Only the client
 * is stopped, never the account: a stranger's guesses from elsewhere must not lock the real
 * person out. The second factor, not a lock, is what makes a guessed password useless.
 */
async function throttleClient(client: string): Promise<void> {
  const failures = await countRecent("login-fail-client", client, FAILURE_WINDOW_MS);
  if (failures >= LOCK_AFTER) {
    log.warn({ event: "sign-in-refused", reason: "locked" }, "security event");
    throw new SignInError("locked");
  }
  if (failures >= SLOW_AFTER) await sleep(Math.min(failures - SLOW_AFTER + 1, 5) * 500);
}

/**
 * One more wrong answer (a code, or the password asked again) in a session; from
 * CODE_ATTEMPTS the session is ended. Returns whether it was.
 */
async function wrongAnswerEnds(sessionId: string): Promise<boolean> {
  const { failedCodes } = await db.staffSession.update({ where: { id: sessionId }, data: { failedCodes: { increment: 1 } } });
  if (failedCodes < CODE_ATTEMPTS) return false;
  await revokeSession(sessionId);
  return true;
}

async function countFailure(client: string, userId: string | null, account: string): Promise<void> {
  await countOne("login-fail-client", client, FAILURE_WINDOW_MS);
  const onAccount = await countOne("login-fail-account", account, FAILURE_WINDOW_MS);
  if (onAccount === ACCOUNT_ALERT_AFTER) log.warn({ event: "sign-in-account-attacked", userId, failures: onAccount }, "security event");
}

/**
 * Checks staff credentials and opens a session. Unknown accounts cost the same Argon2 work
 * as known ones, so timing does not reveal which emails exist. A user with a second factor
 * gets a session that opens nothing until the code is given (`giveSecondFactor`).
 */
export async function signInWithPassword(email: string, password: string, headers: Headers): Promise<{ userId: string; sessionId: string; needsCode: boolean }> {
  const account = email.trim().toLowerCase();
  const client = clientAddress(headers);
  await throttleClient(client);

  const user = await db.user.findUnique({ where: { email: account } });
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user || !valid || !user.active) {
    await countFailure(client, user?.id ?? null, account);
    // Never the submitted email: people type their password into it by mistake.
    log.warn({ event: "sign-in-failed", userId: user?.id ?? null, inactive: user ? !user.active : undefined }, "security event");
    throw new SignInError("invalid");
  }
  const needsCode = user.totpSecret !== null;
  const sessionId = newSessionId();
  await db.$transaction(async (tx) => {
    await tx.staffSession.create({ data: { id: sessionId, userId: user.id, device: deviceOf(headers.get("user-agent")) } });
    await audit(tx, { actorId: user.id, action: needsCode ? "sign-in-password" : "sign-in" });
  });
  log.info({ event: needsCode ? "sign-in-password" : "sign-in", userId: user.id, sessionId }, "security event");
  return { userId: user.id, sessionId, needsCode };
}

/**
 * The second step: a code from the app, or a recovery code, for a session that passed the
 * password. On success the session is replaced by a new one (a new id in a new cookie), so
 * an id seen before the second factor never opens anything. Wrong codes count against the
 * client like wrong passwords, and after CODE_ATTEMPTS the session ends.
 */
export async function giveSecondFactor(sessionId: string, code: string, headers: Headers): Promise<{ sessionId: string; used: "totp" | "recovery" }> {
  const client = clientAddress(headers);
  await throttleClient(client);
  const session = await db.staffSession.findUnique({ where: { id: sessionId }, include: { user: true } });
  if (!session || session.revokedAt || session.secondFactorAt || !session.user.active || !session.user.totpSecret) throw new SignInError("expired");

  const isRecovery = totpInput(code) === null && recoveryInput(code) !== null;
  if (!isRecovery && (await countRecent("code-fail-account", session.userId, FAILURE_WINDOW_MS)) >= ACCOUNT_CODE_LIMIT) {
    log.warn({ event: "sign-in-refused", reason: "codes-suspended", userId: session.userId }, "security event");
    throw new SignInError("codeSuspended");
  }
  const used = await checkSecondFactor(session.userId, code);
  if (!used) {
    await countFailure(client, session.userId, session.user.email);
    const onAccount = await countOne("code-fail-account", session.userId, FAILURE_WINDOW_MS);
    // Audited, so admins see it on /admin/audit: someone has this user's password. Bounded:
    // once the limit is reached the account's codes are refused before they are counted.
    if (onAccount <= ACCOUNT_CODE_LIMIT) {
      await db.$transaction((tx) => audit(tx, { actorId: session.userId, action: onAccount === ACCOUNT_CODE_LIMIT ? "sign-in-codes-suspended" : "sign-in-code-failed" }));
    }
    log.warn({ event: "sign-in-failed", userId: session.userId, factor: isRecovery ? "recovery" : "code", failuresOnAccount: onAccount }, "security event");
    throw new SignInError((await wrongAnswerEnds(sessionId)) ? "expired" : isRecovery ? "recovery" : "code");
  }
  const next = await renewSession(sessionId, { secondFactorAt: new Date() }, used === "recovery" ? "sign-in-recovery-code" : "sign-in");
  log.info({ event: "sign-in", userId: session.userId, sessionId: next, factor: used }, "security event");
  return { sessionId: next, used };
}

/**
 * The current password, asked again before a change to the account (a new password, new
 * recovery codes), so that a session left open does not become the account. Wrong answers
 * count against the client like failed sign-ins, and after CODE_ATTEMPTS the session ends.
 * Returns "ok", "wrong", or "ended" (the caller sends the user to sign in again).
 */
export async function confirmPassword(sessionId: string, userId: string, password: string, headers: Headers): Promise<"ok" | "wrong" | "ended"> {
  const client = clientAddress(headers);
  try {
    await throttleClient(client);
  } catch (error) {
    if (!(error instanceof SignInError)) throw error;
    await revokeSession(sessionId);
    return "ended";
  }
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (await verifyPassword(user.passwordHash, password)) return "ok";
  await countFailure(client, userId, user.email);
  log.warn({ event: "password-confirm-failed", userId }, "security event");
  return (await wrongAnswerEnds(sessionId)) ? "ended" : "wrong";
}

/** An Argon2id hash of a random string, verified against when the email is unknown. */
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$WpAbWzOIKrOUFTEy4YqRng$UKwkcyufxR4OKOeExzKF15Nen5v+4pubNorLJnHy7ic";
