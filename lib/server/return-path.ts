/**
 * The path part of a `returnTo` value, resolved against the site's own origin: whatever a
 * client sends, the redirect stays on this site. `/\evil.example` (which a browser reads as
 * `//evil.example`), `//evil.example`, `https://evil.example/` and paths with control
 * characters all end at "/".
 */
export function sameSitePath(raw: unknown): string {
  if (typeof raw !== "string" || raw.length > 2000) return "/";
  const origin = "http://portal.invalid";
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return "/";
  }
  if (url.origin !== origin) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path that starts with two slashes (or a slash and a backslash) would be read as
  // another host by the browser.
  return /^[/\\]{2}/.test(path) ? "/" : path;
}
