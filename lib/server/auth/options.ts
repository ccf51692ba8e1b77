import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getEnv } from "../env";
import { errorFields, log } from "../logger.mjs";
import { sameSitePath } from "../return-path";
import { SignInError, signInWithPassword } from "./sign-in";

declare module "next-auth" {
  interface Session {
    sid?: string;
  }
  interface User {
    sid?: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}

/**
 * Staff sign-in with next-auth's Credentials provider, which works only with JWT sessions.
 * The token carries nothing but a StaffSession id: the role, the `active` flag and idle
 * expiry are checked against the database on every request (require-staff.ts).
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: getEnv().appSecret,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/login" },
    // next-auth's own logger prints its metadata, which holds request values (a forged
    // callbackUrl, a submitted email): keep the code and the error's safe fields only.
    logger: {
      error: (code, metadata) => log.error({ in: "next-auth", code, err: errorFields(metadata instanceof Error ? metadata : (metadata as { error?: unknown })?.error) }, "auth error"),
      warn: (code) => log.warn({ in: "next-auth", code }, "auth warning"),
      debug: () => {},
    },
    providers: [
      CredentialsProvider({
        name: "password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          const headers = new Headers();
          for (const [name, value] of Object.entries(request?.headers ?? {})) {
            if (typeof value === "string") headers.set(name, value);
          }
          try {
            const { userId, sessionId } = await signInWithPassword(credentials?.email ?? "", credentials?.password ?? "", headers);
            return { id: userId, sid: sessionId };
          } catch (error) {
            // The message is a key the login form translates: "invalid" or "locked".
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
      jwt({ token, user }) {
        if (user?.sid) token.sid = user.sid;
        return token;
      },
      session({ session, token }) {
        return { expires: session.expires, sid: token.sid };
      },
    },
  };
}
