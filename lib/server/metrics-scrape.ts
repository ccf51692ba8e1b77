import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { CATEGORIES } from "@/lib/validation/options";
import { db } from "./db";
import { getEnv } from "./env";
import { metrics } from "./metrics.mjs";

/** Severity 2 and above (lib/categories: child abuse, ongoing danger…) is the top of the queue. */
const bandOf = (severity: number) => (severity >= 2 ? "urgent" : "normal");

/** Whether the request carries the scraper's token; compared in constant time. */
export function scraperAllowed(request: Request, token: string | null | undefined = getEnv().METRICS_TOKEN): "off" | "allowed" | "refused" {
  if (!token) return "off";
  const sent = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(sent), digest(token)) ? "allowed" : "refused";
}

/**
 * The metrics in Prometheus's text format, with the queue's gauges read from the database
 * now: two grouped counts over the open reports (the queue's index), whatever the size.
 */
export async function scrape(): Promise<{ body: string; contentType: string }> {
  const now = new Date();
  const [open, overdue] = await Promise.all([
    db.report.groupBy({ by: ["category", "severity"], where: { isOpen: true }, _count: { _all: true } }),
    db.report.groupBy({ by: ["category"], where: { isOpen: true, expectedBy: { lt: now } }, _count: { _all: true } }),
  ]);
  for (const category of CATEGORIES) {
    for (const band of ["urgent", "normal"]) metrics.queueOpen.set({ category, band }, 0);
    metrics.queueOverdue.set({ category }, 0);
  }
  for (const row of open) metrics.queueOpen.inc({ category: row.category, band: bandOf(row.severity) }, row._count._all);
  for (const row of overdue) metrics.queueOverdue.set({ category: row.category }, row._count._all);
  return { body: await metrics.registry.metrics(), contentType: metrics.registry.contentType };
}
