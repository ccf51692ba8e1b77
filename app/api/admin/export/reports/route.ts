import { reportsCsv, reportsJson, streamOf } from "@/lib/server/admin/exports";
import { downloadHeaders, openStatsExport } from "@/lib/server/admin/route-guard";

export const dynamic = "force-dynamic";

/** `GET /api/admin/export/reports?range=…&category=…&format=csv|json`: the reports of a stats view, streamed. */
export async function GET(request: Request): Promise<Response> {
  const opened = await openStatsExport(request, "reports");
  if (opened instanceof Response) return opened;
  const { q, format, period } = opened;
  const body = streamOf(format === "csv" ? reportsCsv(q) : reportsJson(q));
  return new Response(body, { headers: downloadHeaders(`reports-${period}`, format) });
}
