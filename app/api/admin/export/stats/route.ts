import { auditExport, statsCsv, statsRows } from "@/lib/server/admin/exports";
import { adminOrResponse, downloadHeaders } from "@/lib/server/admin/route-guard";
import { getStats } from "@/lib/server/admin/stats";
import { formatDay } from "@/lib/stats/days";
import { parseStatsView } from "@/lib/stats/query";

export const dynamic = "force-dynamic";

/** `GET /api/admin/export/stats?range=…&category=…&format=csv|json`: the aggregated figures of a stats view. */
export async function GET(request: Request): Promise<Response> {
  const user = await adminOrResponse();
  if (user instanceof Response) return user;
  const params = new URL(request.url).searchParams;
  const view = parseStatsView(params);
  if (view.problem) return new Response(`Invalid period: ${view.problem}\n`, { status: 400 });
  const format = params.get("format") === "json" ? "json" : "csv";
  const q = { from: view.from, to: view.to, category: view.category };
  await auditExport(user.id, "stats", { format, from: formatDay(q.from), to: formatDay(q.to), category: q.category });
  const stats = await getStats(q);
  const name = `statistics-${formatDay(q.from)}-${formatDay(q.to)}${q.category ? `-${q.category}` : ""}`;
  const body =
    format === "csv"
      ? statsCsv(stats)
      : JSON.stringify(
          {
            generatedAt: stats.asOf.toISOString(),
            ...{ from: formatDay(q.from), to: formatDay(q.to), category: q.category },
            categories: statsRows(stats),
            backlog: stats.backlog,
            moderators: stats.moderators.map(({ id, decisions, medianHandlingSecs, overturned }) => ({ id, decisions, medianHandlingSecs, overturned })),
            topTargets: stats.topTargets,
          },
          null,
          2,
        );
  return new Response(body, { headers: downloadHeaders(name, format) });
}
