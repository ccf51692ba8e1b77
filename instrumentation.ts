/**
 * Runs once when a server instance starts. On SIGTERM, Next stops accepting connections
 * and finishes the requests in flight; the flag set here makes the API answer requests that
 * still arrive on kept-alive connections with 503 and `Connection: close`, so that a load
 * balancer sends them to another instance (lib/server/http.ts).
 */
export function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    process.once("SIGTERM", () => {
      (globalThis as { portalShuttingDown?: boolean }).portalShuttingDown = true;
    });
  }
}
