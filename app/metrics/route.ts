import { scrape, scraperAllowed } from "@/lib/server/metrics-scrape";

export const dynamic = "force-dynamic";

/**
 * Prometheus metrics (lib/server/metrics.mjs), for a scraper that sends
 * `Authorization: Bearer $METRICS_TOKEN`. Without METRICS_TOKEN the endpoint does not exist.
 */
export async function GET(request: Request) {
  const allowed = scraperAllowed(request);
  if (allowed === "off") return new Response("Not found.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (allowed === "refused") {
    return new Response("A bearer token is required.\n", { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"', "content-type": "text/plain; charset=utf-8" } });
  }
  const { body, contentType } = await scrape();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
