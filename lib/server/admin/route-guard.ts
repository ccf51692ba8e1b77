import "server-only";
import { formatDay } from "@/lib/stats/days";
import { parseStatsView } from "@/lib/stats/query";
import { currentStaff, type StaffUser } from "../auth/require-staff";
import { auditExport } from "./exports";
import { log } from "../logger.mjs";

/**
 * The guard of the export routes, which answer with a status rather than a page: 401 when
 * signed out (or before the one-time password is changed), 403 for a moderator.
 */
export async function adminOrResponse(): Promise<StaffUser | Response> {
  const user = await currentStaff();
  const plain = { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" };
  if (!user || user.mustChangePassword) return new Response("Sign in as an administrator first.\n", { status: 401, headers: plain });
  if (user.role !== "ADMIN") {
    log.warn({ event: "forbidden", userId: user.id, role: user.role }, "security event");
    return new Response("Exports are for administrators only.\n", { status: 403, headers: plain });
  }
  return user;
}

/** Headers of a download: never cached, never sniffed, always saved as a file. */
export function downloadHeaders(filename: string, format: "csv" | "json") {
  return {
    "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
    "content-disposition": `attachment; filename="${filename}.${format}"`,
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
  };
}

/**
 * The start of an export of a statistics view (reports or figures): the guard, the
 * period and format from the query, and the audit row. A refusal comes back as the
 * Response to send; otherwise what to export, and the file name's stem.
 */
export async function openStatsExport(request: Request, kind: "reports" | "stats") {
  const user = await adminOrResponse();
  if (user instanceof Response) return user;
  const params = new URL(request.url).searchParams;
  const view = parseStatsView(params);
  if (view.problem) return new Response(`Invalid period: ${view.problem}\n`, { status: 400 });
  const format = params.get("format") === "json" ? ("json" as const) : ("csv" as const);
  const q = { from: view.from, to: view.to, category: view.category };
  await auditExport(user.id, kind, { format, from: formatDay(q.from), to: formatDay(q.to), category: q.category });
  return { q, format, period: `${formatDay(q.from)}-${formatDay(q.to)}${q.category ? `-${q.category}` : ""}` };
}
