import "server-only";
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { log } from "../logger.mjs";
import { db } from "../db";
import { getEnv } from "../env";
import { authOptions } from "./options";

export type StaffUser = {
  id: string;
  email: string;
  name: string;
  role: "MODERATOR" | "ADMIN";
  mustChangePassword: boolean;
  sessionId: string;
};

/** lastSeenAt is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The signed-in staff user, re-read from the database on every call: a revoked or idle
 * session, or a deactivated user, gets null at once, whatever the cookie says.
 */
export async function currentStaff(): Promise<StaffUser | null> {
  const session = await getServerSession(authOptions());
  return session?.sid ? staffForSession(session.sid) : null;
}

/** The checks behind currentStaff, on a session id: revoked, idle, deactivated, role. */
export async function staffForSession(sid: string): Promise<StaffUser | null> {
  const row = await db.staffSession.findUnique({ where: { id: sid }, include: { user: true } });
  if (!row || row.revokedAt || !row.user.active) return null;
  const now = Date.now();
  if (now - row.lastSeenAt.getTime() > getEnv().SESSION_IDLE_MINUTES * 60_000) {
    await db.staffSession.update({ where: { id: sid }, data: { revokedAt: new Date(now) } });
    return null;
  }
  if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.staffSession.update({ where: { id: sid }, data: { lastSeenAt: new Date(now) } });
  }
  const { id, email, name, role, mustChangePassword } = row.user;
  return { id, email, name, role: role === "ADMIN" ? "ADMIN" : "MODERATOR", mustChangePassword, sessionId: sid };
}

export class Forbidden extends Error {}

/**
 * The guard at the top of every staff page and server action. Signed out: to /login.
 * Signed in with too low a role: Forbidden. An admin can do everything a moderator can.
 */
export async function requireRole(role: "MODERATOR" | "ADMIN", options: { allowPasswordChange?: boolean } = {}): Promise<StaffUser> {
  const user = await currentStaff();
  if (!user) redirect("/login");
  if (user.mustChangePassword && !options.allowPasswordChange) redirect("/account/password");
  if (role === "ADMIN" && user.role !== "ADMIN") throw new Forbidden();
  return user;
}

/**
 * The guard of every administration page, action and export: signed out goes to /login, a
 * moderator gets the 403 page (app/forbidden.tsx).
 */
export async function requireAdmin(): Promise<StaffUser> {
  const user = await requireRole("MODERATOR");
  if (user.role !== "ADMIN") {
    log.warn({ event: "forbidden", userId: user.id, role: user.role }, "security event");
    forbidden();
  }
  return user;
}

/** Ends the session on the server and drops the cookie. */
export async function signOut(): Promise<void> {
  const user = await currentStaff();
  if (user) await db.staffSession.update({ where: { id: user.sessionId }, data: { revokedAt: new Date() } });
  const jar = await cookies();
  for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token"]) jar.delete(name);
}
