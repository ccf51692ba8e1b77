import { auditExport, reportsCsv, reportsJson, streamOf } from "@/lib/server/admin/exports";
import { adminOrResponse, downloadHeaders } from "@/lib/server/admin/route-guard";
import { formatDay } from "@/lib/stats/days";
import { parseStatsView } from "@/lib/stats/query";

export const dynamic = "force-dynamic";

/** `GET /api/admin/export/reports?range=…&category=…&format=csv|json`: the reports of a stats view, streamed. */
export async function GET(request: Request): Promise<Response> {
  const user = await adminOrResponse();
  if (user instanceof Response) return user;
  const params = new URL(request.url).searchParams;
  const view = parseStatsView(params);
  if (view.problem) return new Response(`Invalid period: ${view.problem}\n`, { status: 400 });
  const format = params.get("format") === "json" ? "json" : "csv";
  const q = { from: view.from, to: view.to, category: view.category };
  await auditExport(user.id, "reports", { format, from: formatDay(q.from), to: formatDay(q.to), category: q.category });
  const body = streamOf(format === "csv" ? reportsCsv(q) : reportsJson(q));
  return new Response(body, {
    headers: downloadHeaders(`reports-${formatDay(q.from)}-${formatDay(q.to)}${q.category ? `-${q.category}` : ""}`, format),
  });
}
