import { auditFiltersSchema, auditRows } from "@/lib/server/admin/audit-log";
import { auditExport, csvLine, streamOf } from "@/lib/server/admin/exports";
import { adminOrResponse, downloadHeaders } from "@/lib/server/admin/route-guard";

export const dynamic = "force-dynamic";

const COLUMNS = ["at", "actor_id", "actor_email", "action", "report_id", "before", "after"] as const;

/** `GET /api/admin/export/audit?actor=…&action=…&report=…&from=…&to=…`: the filtered audit log as CSV, oldest first. */
export async function GET(request: Request): Promise<Response> {
  const user = await adminOrResponse();
  if (user instanceof Response) return user;
  const filters = auditFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  delete filters.before;
  await auditExport(user.id, "audit", { ...filters });
  async function* csv() {
    yield "\uFEFF" + csvLine(COLUMNS);
    for await (const r of auditRows(filters)) {
      yield csvLine([r.at.toISOString(), r.actorId, r.actorEmail, r.action, r.reportId, r.before, r.after]);
    }
  }
  return new Response(streamOf(csv()), { headers: downloadHeaders("audit-log", "csv") });
}
