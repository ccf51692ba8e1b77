"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/validation/action-result";
import { requireRole, signOut } from "../auth/require-staff";
import { confirmEnrolment, regenerateRecoveryCodes } from "../auth/second-factor";
import { clearSessionCookie, setSessionCookie } from "../auth/session-cookie";
import { confirmPassword } from "../auth/sign-in";
import { endOtherSessions, endOwnSession } from "../auth/sessions";
import { db } from "../db";
import { audit } from "../moderation/audit";
import { hashPassword } from "../passwords";

export async function signOutAction(): Promise<void> {
  await signOut();
  redirect("/login");
}

export type PasswordState = ActionResult<never> | null;

/**
 * Replaces the password: required with a one-time password before any other staff page
 * opens. Every other session of the user ends; this one goes on.
 */
export async function changePasswordAction(_previous: PasswordState, form: FormData): Promise<PasswordState> {
  const user = await requireRole("MODERATOR", { during: "password" });
  const current = String(form.get("current") ?? "");
  const next = String(form.get("next") ?? "");
  const confirm = String(form.get("confirm") ?? "");
  // Every field's problem at once, each beside its field.
  const fieldErrors: Record<string, string[]> = {};
  if (!current) fieldErrors.current = ["auth.changePassword.currentRequired"];
  if (next.length < 12) fieldErrors.next = ["auth.changePassword.tooShort"];
  else if (next.length > 1000) fieldErrors.next = ["auth.changePassword.tooLong"];
  else if (next === current) fieldErrors.next = ["auth.changePassword.sameAsCurrent"];
  if (!fieldErrors.next && next !== confirm) fieldErrors.confirm = ["auth.changePassword.mismatch"];
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  const checked = await confirmPassword(user.sessionId, user.id, current, await headers());
  if (checked === "ended") await endedByWrongPasswords();
  if (checked === "wrong") return { ok: false, fieldErrors: { current: ["auth.changePassword.wrong"] } };
  const passwordHash = await hashPassword(next);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false } });
    const ended = await endOtherSessions(tx, user.id, user.sessionId);
    await audit(tx, { actorId: user.id, action: "password-change", after: { otherSessionsEnded: ended } });
  });
  // The queue's guard sends a user who must still enrol a second factor on to do so.
  redirect(user.stage === "password" ? "/queue" : "/account/security?done=password");
}

/** Too many wrong current passwords: the session has ended; sign in again. */
async function endedByWrongPasswords(): Promise<never> {
  await clearSessionCookie();
  redirect("/login?ended=1");
}

export type EnrolState = ActionResult<{ codes: string[] }> | null;

/**
 * Confirms the authenticator app with one code. The recovery codes come back in the action's
 * state and are shown once; they are never stored in the clear or put in a URL.
 */
export async function enrolAction(_previous: EnrolState, form: FormData): Promise<EnrolState> {
  const user = await requireRole("MODERATOR", { during: "enrol" });
  const code = String(form.get("code") ?? "").slice(0, 100);
  if (!code.trim()) return { ok: false, fieldErrors: { code: ["auth.twoFactor.codeRequired"] } };
  const done = await confirmEnrolment(user.id, user.sessionId, code);
  if (!done) return { ok: false, fieldErrors: { code: ["auth.twoFactor.codeWrong"] } };
  await setSessionCookie(done.sessionId);
  return { ok: true, data: { codes: done.codes } };
}

/**
 * Ten new recovery codes; the old ones stop working. Shown once, like at enrolment. The
 * current password is asked first: codes are a way into the account.
 */
export async function newRecoveryCodesAction(_previous: EnrolState, form: FormData): Promise<EnrolState> {
  const user = await requireRole("MODERATOR");
  if (!user.hasSecondFactor) return { ok: false, formError: "auth.twoFactor.notEnrolled" };
  const password = String(form.get("password") ?? "");
  if (!password) return { ok: false, fieldErrors: { password: ["auth.changePassword.currentRequired"] } };
  const checked = await confirmPassword(user.sessionId, user.id, password, await headers());
  if (checked === "ended") await endedByWrongPasswords();
  if (checked === "wrong") return { ok: false, fieldErrors: { password: ["auth.changePassword.wrong"] } };
  return { ok: true, data: { codes: await regenerateRecoveryCodes(user.id) } };
}

/** Ends one of your own sessions (another device, or this one). */
export async function endSessionAction(form: FormData): Promise<void> {
  const user = await requireRole("MODERATOR");
  const sessionId = String(form.get("sessionId") ?? "");
  await endOwnSession(user.id, sessionId);
  if (sessionId === user.sessionId) {
    await signOut();
    redirect("/login");
  }
  redirect("/account/security?done=ended");
}

/** Ends every session of yours but this one. */
export async function endOtherSessionsAction(): Promise<void> {
  const user = await requireRole("MODERATOR");
  await db.$transaction(async (tx) => {
    const ended = await endOtherSessions(tx, user.id, user.sessionId);
    await audit(tx, { actorId: user.id, action: "session-end-others", after: { ended } });
  });
  redirect("/account/security?done=endedOthers");
}
