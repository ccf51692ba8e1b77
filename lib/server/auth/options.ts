import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getEnv } from "../env";
import { errorFields, log } from "../logger.mjs";
import { sameSitePath } from "../return-path";
import { staffForSession } from "./require-staff";
import { revokeSession } from "./sessions";
import { SESSION_MAX_AGE_SECONDS } from "./session-cookie";
import { giveSecondFactor, SignInError, signInWithPassword } from "./sign-in";

declare module "next-auth" {
  interface User {
    sid?: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}

/** Thrown by the jwt callback for a token whose session has ended: next-auth drops the cookie. */
class SessionEnded extends Error {}

/**
 * next-auth with JWT sessions. The token carries nothing but a StaffSession id: the role,
 * the `active` flag, the sign-in stage and idle expiry are checked against the database on
 * every request (require-staff.ts), and every way out (the header's sign-out, next-auth's
 * own `POST /api/auth/signout`, a password change, an admin's reset) revokes that row.
 *
 * The login page's two steps are server actions (lib/server/actions/auth.ts), which work
 * without JavaScript. The Credentials provider below takes the same checks in one request,
 * for clients that post email, password and code to `/api/auth/callback/credentials`.
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: getEnv().appSecret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: getEnv().httpsOnly,
    // next-auth's own pages are plain English: its sign-in, sign-out and error pages are ours.
    pages: { signIn: "/login", signOut: "/login", error: "/login" },
    // next-auth's own logger prints its metadata, which holds request values (a forged
    // callbackUrl, a submitted email): keep the code and the error's safe fields only.
    logger: {
      error: (code, metadata) =>
        metadata instanceof SessionEnded || (metadata as { error?: unknown })?.error instanceof SessionEnded
          ? log.info({ in: "next-auth", event: "session-ended" }, "ended session refused")
          : log.error({ in: "next-auth", code, err: errorFields(metadata instanceof Error ? metadata : (metadata as { error?: unknown })?.error) }, "auth error"),
      warn: (code) => log.warn({ in: "next-auth", code }, "auth warning"),
      debug: () => {},
    },
    providers: [
      CredentialsProvider({
        name: "password",
        credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
        async authorize(credentials, request) {
          const headers = new Headers();
          for (const [name, value] of Object.entries(request?.headers ?? {})) {
            if (typeof value === "string") headers.set(name, value);
          }
          try {
            // A JSON body can carry arrays and objects where strings belong: those are empty.
            const text = (value: unknown, max: number) => (typeof value === "string" ? value.slice(0, max) : "");
            const first = await signInWithPassword(text(credentials?.email, 320), text(credentials?.password, 1000), headers);
            const code = text(credentials?.code, 100);
            // Without a code the session waits at the code step, as after the form's first step.
            if (!first.needsCode || !code) return { id: first.userId, sid: first.sessionId };
            const { sessionId } = await giveSecondFactor(first.sessionId, code, headers);
            return { id: first.userId, sid: sessionId };
          } catch (error) {
            // The message is a key of auth.errors: "invalid", "locked", "code" or "expired".
            if (error instanceof SignInError) throw new Error(error.reason);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      // next-auth's own check throws on a callbackUrl that is not a URL (`\/evil.example`,
      // `http://[`), a 500 that also failed the sign-in: anything but this site's own
      // origin goes to the start page.
      redirect({ url, baseUrl }) {
        try {
          const target = new URL(url, baseUrl);
          if (target.origin === new URL(baseUrl).origin) return new URL(sameSitePath(`${target.pathname}${target.search}${target.hash}`), baseUrl).toString();
        } catch {
          // not a URL at all
        }
        return baseUrl;
      },
      async jwt({ token, user }) {
        if (user?.sid) token.sid = user.sid;
        if (!token.sid || !(await staffForSession(token.sid))) throw new SessionEnded();
        return token;
      },
      // Nothing about the session leaves the server: not even its id.
      session({ session }) {
        return { expires: session.expires };
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await revokeSession(token.sid);
      },
    },
  };
}
