import { readiness } from "@/lib/server/health";

export const dynamic = "force-dynamic";

/**
 * Readiness, for a load balancer or an orchestrator: 200 when the database answers, its
 * migrations are applied and the evidence folder is writable; 503 naming the failed checks
 * otherwise (lib/server/health.ts). Unauthenticated, and it says nothing more.
 */
export async function GET() {
  const { ready, failing } = await readiness();
  return Response.json(ready ? { status: "ready" } : { status: "not ready", failing }, { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
