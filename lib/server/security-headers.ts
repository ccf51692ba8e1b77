import "server-only";

/** A fresh, unguessable nonce for one response's scripts (128 random bits, base64). */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * The Content-Security-Policy of every page.
 *
 * - Scripts run only with this response's nonce, which Next.js puts on its own script tags;
 *   `'strict-dynamic'` lets those scripts load the chunks they need. No `'unsafe-inline'`:
 *   markup that someone manages to inject cannot run script. (`'self'` only matters to
 *   browsers too old for `'strict-dynamic'`.)
 * - Styles allow `'unsafe-inline'`: React renders `style` attributes into the HTML (the admin
 *   chart is drawn with them) and the ALTCHA widget adds its stylesheet at run time. Injected
 *   CSS cannot run script, so this is the trade-off taken.
 * - The ALTCHA widget solves in workers it starts from `blob:` URLs.
 * - Nothing may frame the portal, change the base URL, send forms elsewhere, or embed plugins.
 */
export function contentSecurityPolicy(nonce: string, options: { https: boolean; dev?: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** One year, subdomains included; sent only when the public URL is https. */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";
