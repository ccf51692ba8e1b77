export const dynamic = "force-dynamic";

/** Liveness: the process is up and answering. Touches nothing else (see /readyz). */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
