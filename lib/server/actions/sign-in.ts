"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentSession, STAGE_PAGE, staffForSession } from "../auth/require-staff";
import { revokeSession } from "../auth/sessions";
import { clearSessionCookie, sessionIdFromCookie, setSessionCookie } from "../auth/session-cookie";
import { giveSecondFactor, SignInError, signInWithPassword, type SignInFailure } from "../auth/sign-in";

/**
 * The login page's two steps, as server actions: plain form posts that work without
 * JavaScript, and never put a password in a URL. Both steps are throttled per client inside
 * signInWithPassword and giveSecondFactor.
 */
export type SignInState = { error: SignInFailure | "required" | "codeRequired"; email?: string } | null;

/** Where a session goes next: the page of its unfinished stage, or the queue. */
async function onwards(sessionId: string): Promise<never> {
  const stage = (await staffForSession(sessionId))?.stage;
  redirect(!stage || stage === "ready" ? "/queue" : STAGE_PAGE[stage]);
}

/** Step one: email and password. A user with a second factor then sees the code step. */
export async function passwordStepAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "").slice(0, 320);
  const password = String(form.get("password") ?? "").slice(0, 1000);
  if (!email.trim() || !password) return { error: "required", email };
  let sessionId: string;
  try {
    ({ sessionId } = await signInWithPassword(email, password, await headers()));
  } catch (error) {
    if (error instanceof SignInError) return { error: error.reason, email };
    throw error;
  }
  // A session still open in this browser (another account's, or a half-finished sign-in) ends.
  const previous = await currentSession();
  if (previous) await revokeSession(previous.sessionId);
  await setSessionCookie(sessionId);
  return onwards(sessionId);
}

/** Step two: the 6-digit code from the app, or a recovery code. */
export async function codeStepAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const code = String(form.get("code") ?? "").slice(0, 100);
  const sessionId = await sessionIdFromCookie();
  if (!sessionId) redirect("/login?ended=1");
  if (!code.trim()) return { error: "codeRequired" };
  let next: string;
  try {
    ({ sessionId: next } = await giveSecondFactor(sessionId, code, await headers()));
  } catch (error) {
    if (error instanceof SignInError && error.reason === "expired") {
      await clearSessionCookie();
      redirect("/login?ended=1");
    }
    if (error instanceof SignInError) return { error: error.reason };
    throw error;
  }
  await setSessionCookie(next);
  return onwards(next);
}
