import NextAuth from "next-auth";
import { cookies } from "next/headers";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/server/auth/options";
import { sameSitePath } from "@/lib/server/return-path";

const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/**
 * A callback URL from the query or the cookie, reduced to this site's own path. next-auth
 * answers a foreign or malformed one (`javascript:x%0A…`) with a 500 and logs it; as a
 * same-site path it is harmless and the sign-in page works.
 */
async function withSameSiteCallback(request: NextRequest): Promise<NextRequest> {
  const jar = await cookies();
  for (const name of CALLBACK_COOKIES) {
    const value = jar.get(name)?.value;
    if (value !== undefined && sameSitePath(value) !== value) {
      jar.set(name, sameSitePath(value), { path: "/", httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
    }
  }
  const query = request.nextUrl.searchParams.get("callbackUrl");
  if (query === null || sameSitePath(query) === query) return request;
  const url = request.nextUrl.clone();
  url.searchParams.set("callbackUrl", sameSitePath(query));
  return new NextRequest(url, { method: request.method, headers: request.headers, body: request.body, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1]);
}

/** next-auth's endpoints: CSRF token, credentials callback, session. */
async function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(authOptions())(await withSameSiteCallback(request), context);
}

export { handler as GET, handler as POST };
