import NextAuth from "next-auth";
import { cookies } from "next/headers";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/server/auth/options";
import { ApiError, errorResponse, localeOf } from "@/lib/server/http";
import { readLimited } from "@/lib/server/request-body";
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

/** Sign-in, sign-out and CSRF posts are small; anything bigger is not one of them. */
const BODY_LIMIT = 64 * 1024;

/**
 * A posted body, read once within BODY_LIMIT and handed on as bytes. A JSON body that does
 * not parse is a 400 here: next-auth answered it with a 500.
 */
async function checkedBody(request: NextRequest): Promise<NextRequest | Response> {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = await readLimited(request, BODY_LIMIT);
  } catch (error) {
    if (error instanceof ApiError) return errorResponse(error, localeOf(request));
    throw error;
  }
  if ((request.headers.get("content-type") ?? "").includes("json")) {
    try {
      JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    } catch {
      return errorResponse(new ApiError("bad_request"), localeOf(request));
    }
  }
  return new NextRequest(request.nextUrl, { method: request.method, headers: request.headers, body: bytes });
}

/** next-auth's endpoints: CSRF token, credentials callback, session, sign-out. */
async function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  let forwarded = await withSameSiteCallback(request);
  if (request.method === "POST") {
    const checked = await checkedBody(forwarded);
    if (checked instanceof Response) return checked;
    forwarded = checked;
  }
  return NextAuth(authOptions())(forwarded, context);
}

export { handler as GET, handler as POST };
