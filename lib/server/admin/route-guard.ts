import "server-only";
import { currentStaff, type StaffUser } from "../auth/require-staff";
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
