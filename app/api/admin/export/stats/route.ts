import { statsCsv, statsRows } from "@/lib/server/admin/exports";
import { downloadHeaders, openStatsExport } from "@/lib/server/admin/route-guard";
import { getStats } from "@/lib/server/admin/stats";
import { formatDay } from "@/lib/stats/days";

export const dynamic = "force-dynamic";

/** `GET /api/admin/export/stats?range=…&category=…&format=csv|json`: the aggregated figures of a stats view. */
export async function GET(request: Request): Promise<Response> {
  const opened = await openStatsExport(request, "stats");
  if (opened instanceof Response) return opened;
  const { q, format, period } = opened;
  const stats = await getStats(q);
  const name = `statistics-${period}`;
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
