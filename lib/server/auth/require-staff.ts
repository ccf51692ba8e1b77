import "server-only";
import { forbidden, redirect } from "next/navigation";
import { log } from "../logger.mjs";
import { db } from "../db";
import { getEnv } from "../env";
import { clearSessionCookie, SESSION_MAX_AGE_SECONDS, sessionIdFromCookie } from "./session-cookie";
import { revokeSession } from "./sessions";

/**
 * Where a signed-in session stands. Only "ready" opens staff pages, actions, exports and
 * evidence; the others open one page each:
 * - "code": the password was right, the code from the app is still to be given (/login);
 * - "password": a one-time password must be replaced (/account/password);
 * - "enrol": STAFF_2FA=required and the user has no second factor yet (/account/two-factor).
 */
export type SignInStage = "code" | "password" | "enrol" | "ready";

export type StaffUser = {
  id: string;
  email: string;
  name: string;
  role: "MODERATOR" | "ADMIN";
  mustChangePassword: boolean;
  hasSecondFactor: boolean;
  sessionId: string;
  stage: SignInStage;
  /** May open restricted reports (lib/moderation/restricted.ts). */
  restrictedContent: boolean;
};

/** lastSeenAt is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

/** The page that completes each unfinished stage. */
export const STAGE_PAGE: Record<Exclude<SignInStage, "ready">, string> = {
  code: "/login",
  password: "/account/password",
  enrol: "/account/two-factor",
};

/**
 * The signed-in staff user who has finished signing in, re-read from the database on every
 * call: a revoked or idle session, a deactivated user, or a sign-in still waiting for its
 * code, password change or enrolment gets null, whatever the cookie says.
 */
export async function currentStaff(): Promise<StaffUser | null> {
  const user = await currentSession();
  return user?.stage === "ready" ? user : null;
}

/** The session behind the request's cookie at whatever stage it is, or null. */
export async function currentSession(): Promise<StaffUser | null> {
  const sid = await sessionIdFromCookie();
  return sid ? staffForSession(sid) : null;
}

/** The checks behind currentSession, on a session id: revoked, idle or too old, deactivated, role, stage. */
export async function staffForSession(sid: string): Promise<StaffUser | null> {
  const row = await db.staffSession.findUnique({ where: { id: sid }, include: { user: true } });
  if (!row || row.revokedAt || !row.user.active) return null;
  const now = Date.now();
  // Idle too long, or older than the cookie's 12 hours however busy: sign in again.
  if (now - row.lastSeenAt.getTime() > getEnv().SESSION_IDLE_MINUTES * 60_000 || now - row.createdAt.getTime() > SESSION_MAX_AGE_SECONDS * 1000) {
    await db.staffSession.update({ where: { id: sid }, data: { revokedAt: new Date(now) } });
    return null;
  }
  if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.staffSession.update({ where: { id: sid }, data: { lastSeenAt: new Date(now) } });
  }
  const { id, email, name, role, mustChangePassword } = row.user;
  const hasSecondFactor = row.user.totpSecret !== null;
  const stage: SignInStage =
    hasSecondFactor && !row.secondFactorAt ? "code"
    : mustChangePassword ? "password"
    : !hasSecondFactor && getEnv().STAFF_2FA === "required" ? "enrol"
    : "ready";
  return { id, email, name, role: role === "ADMIN" ? "ADMIN" : "MODERATOR", mustChangePassword, hasSecondFactor, sessionId: sid, stage, restrictedContent: row.user.restrictedContent };
}

/**
 * The guard at the top of every staff page and server action. Signed out: to /login. A
 * sign-in that is not finished goes to the page of its stage, unless it is the `during`
 * stage that this page completes. A moderator where an admin is needed gets the 403 page
 * (app/forbidden.tsx). An admin can do everything a moderator can.
 */
export async function requireRole(role: "MODERATOR" | "ADMIN", options: { during?: SignInStage } = {}): Promise<StaffUser> {
  const user = await currentSession();
  if (!user) redirect("/login");
  if (user.stage !== "ready" && user.stage !== options.during) redirect(STAGE_PAGE[user.stage]);
  if (role === "ADMIN" && user.role !== "ADMIN") {
    log.warn({ event: "forbidden", userId: user.id, role: user.role }, "security event");
    forbidden();
  }
  return user;
}

/** The guard of every administration page, action and export. */
export function requireAdmin(): Promise<StaffUser> {
  return requireRole("ADMIN");
}

/** Ends the session on the server and drops the cookie. */
export async function signOut(): Promise<void> {
  const sid = await sessionIdFromCookie();
  if (sid) await revokeSession(sid);
  await clearSessionCookie();
}
