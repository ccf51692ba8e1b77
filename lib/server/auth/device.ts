/**
 * A coarse description of the device a session began on, "Firefox · Windows", for the
 * user's own list of sessions. Only the browser family and the system are kept, never the
 * full User-Agent (it helps fingerprinting) and never an address. Unknown parts are "?".
 */
export function deviceOf(userAgent: string | null | undefined): string {
  const ua = (userAgent ?? "").slice(0, 512);
  const browser =
    /Edg(e|A|iOS)?\//.test(ua) ? "Edge"
    : /OPR\/|Opera/.test(ua) ? "Opera"
    : /Firefox\/|FxiOS\//.test(ua) ? "Firefox"
    : /MicroMessenger\//.test(ua) ? "WeChat"
    : /Chrome\/|CriOS\/|Chromium\//.test(ua) ? "Chrome"
    : /Safari\//.test(ua) ? "Safari"
    : "?";
  const system =
    /Windows/.test(ua) ? "Windows"
    : /Android/.test(ua) ? "Android"
    : /iPhone|iPad|iPod/.test(ua) ? "iOS"
    : /Mac OS X|Macintosh/.test(ua) ? "macOS"
    : /CrOS/.test(ua) ? "ChromeOS"
    : /Linux/.test(ua) ? "Linux"
    : "?";
  return `${browser} · ${system}`;
}
