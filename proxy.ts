import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/server/env";
import { contentSecurityPolicy, createNonce, STRICT_TRANSPORT_SECURITY } from "@/lib/server/security-headers";

/**
 * Security headers that differ per request or per deployment, so they cannot live in
 * next.config.mjs (whose headers are fixed at build time): a CSP with a fresh script nonce,
 * and HSTS when the public URL is https. Next.js reads the nonce from the request's CSP
 * header and puts it on the scripts it renders, which is why every page renders per request.
 */
export function proxy(request: NextRequest) {
  const { httpsOnly } = getEnv();
  const policy = contentSecurityPolicy(createNonce(), { https: httpsOnly, dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  if (httpsOnly) response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Pages and server actions. Not the JSON API (no HTML to protect, and its intake path
  // stays as lean as the benchmark measured it) nor the build's static files.
  // Nor the operator's endpoints (/healthz, /readyz, /metrics), which must stay cheap.
  matcher: ["/((?!api/|_next/static/|_next/image|favicon.ico|icon.svg|healthz|readyz|metrics).*)"],
};
