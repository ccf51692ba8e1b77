import "server-only";
import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { getEnv } from "../env";

/** A staff session cookie lives at most 12 hours; the server ends idle sessions sooner. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * next-auth's own session cookie: a JWT (encrypted with APP_SECRET) that carries only a
 * StaffSession id. The sign-in steps are server actions, so they mint it here with
 * next-auth's `encode`; next-auth's endpoints (`/api/auth/session`, `/api/auth/signout`)
 * read the same cookie.
 */
export function sessionCookieName(): string {
  return getEnv().httpsOnly ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/** The StaffSession id in the request's cookie, or null. */
export async function sessionIdFromCookie(): Promise<string | null> {
  const value = (await cookies()).get(sessionCookieName())?.value;
  if (!value) return null;
  try {
    const token = await decode({ token: value, secret: getEnv().appSecret });
    return typeof token?.sid === "string" ? token.sid : null;
  } catch {
    return null; // tampered with, expired, or sealed with another secret
  }
}

export async function setSessionCookie(sessionId: string): Promise<void> {
  const token = await encode({ token: { sid: sessionId }, secret: getEnv().appSecret, maxAge: SESSION_MAX_AGE_SECONDS });
  (await cookies()).set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: getEnv().httpsOnly,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

export async function clearSessionCookie(): Promise<void> {
  const jar = await cookies();
  for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token"]) jar.delete(name);
}
