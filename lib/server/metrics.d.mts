import type { Counter, Gauge, Histogram, Registry } from "prom-client";

/** The portal's Prometheus metrics (metrics.mjs). */
export const metrics: {
  registry: Registry;
  requests: Counter<"route" | "method" | "status">;
  intakeSeconds: Histogram<"route" | "outcome">;
  reportsReceived: Counter<"category">;
  queueOpen: Gauge<"category" | "band">;
  queueOverdue: Gauge<"category">;
  groupCommitReports: Histogram<string>;
  rateLimited: Counter<"scope">;
  databaseErrors: Counter<string>;
};
/** The route template of a request path, or "other". */
export function routeOf(path: string): string;
/** Counts an answered request, and times it when it filed reports. */
export function observeRequest(method: string, path: string, status: number, seconds: number): void;
