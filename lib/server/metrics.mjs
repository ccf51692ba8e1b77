// The portal's Prometheus metrics (prom-client), served at GET /metrics (app/metrics/route.ts)
// to a scraper holding METRICS_TOKEN. One registry per process, kept on globalThis, because
// two copies of this module run in one process: the server entry (scripts/server.mjs) counts
// every request, and the app (Next's server bundle) counts reports, commits, refusals and
// database errors.
//
// No label carries personal data or an unbounded value: routes are the app's route
// templates (routeOf), categories and rate-limit scopes are fixed lists, statuses are codes.
// Plain JavaScript with a .d.mts beside it, like logger.mjs, for the server entry.
import client from "prom-client";

const KEY = Symbol.for("report-portal.metrics");

function create() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "portal_" });
  const registers = [registry];
  return {
    registry,
    requests: new client.Counter({
      name: "portal_http_requests_total",
      help: "HTTP requests answered, by route template, method and status code.",
      labelNames: ["route", "method", "status"],
      registers,
    }),
    intakeSeconds: new client.Histogram({
      name: "portal_intake_duration_seconds",
      help: "Time to answer a report submission (API, batch, web form), from its first byte to the last byte of the answer.",
      labelNames: ["route", "outcome"],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120],
      registers,
    }),
    reportsReceived: new client.Counter({
      name: "portal_reports_received_total",
      help: "Reports stored, by category (replays of an idempotent request are not counted again).",
      labelNames: ["category"],
      registers,
    }),
    queueOpen: new client.Gauge({
      name: "portal_queue_open_reports",
      help: "Open reports (received, in review, needs info), by category and priority band; read from the database at each scrape.",
      labelNames: ["category", "band"],
      registers,
    }),
    queueOverdue: new client.Gauge({
      name: "portal_queue_overdue_reports",
      help: "Open reports past their review target, by category; read from the database at each scrape.",
      labelNames: ["category"],
      registers,
    }),
    groupCommitReports: new client.Histogram({
      name: "portal_group_commit_reports",
      help: "Reports written per database transaction by the group commit.",
      buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500],
      registers,
    }),
    rateLimited: new client.Counter({
      name: "portal_rate_limit_refusals_total",
      help: "Requests refused by the rate limit, by scope.",
      labelNames: ["scope"],
      registers,
    }),
    databaseErrors: new client.Counter({
      name: "portal_database_errors_total",
      help: "Requests that failed because the database could not be reached.",
      registers,
    }),
  };
}

/** @type {ReturnType<typeof create>} */
export const metrics = (globalThis[KEY] ??= create());

/** The app's routes, as templates: the only values the `route` label takes. */
const ROUTES = [
  [/^\/$/, "/"],
  [/^\/report\/[^/]+$/, "/report/[category]"],
  [/^\/(status|transparency|transparency\/csv|after-you-report|privacy|login|queue|healthz|readyz|metrics|icon\.svg|favicon\.ico)$/, null],
  [/^\/queue\/targets\/[^/]+$/, "/queue/targets/[key]"],
  [/^\/queue\/[^/]+$/, "/queue/[id]"],
  [/^\/admin\/(audit|partners|staff|stats)$/, null],
  [/^\/account\/(password|security|two-factor)$/, null],
  [/^\/api\/v1\/(reports|reports\/batch|categories|altcha|receipts\/lookup|receipts\/messages)$/, null],
  [/^\/api\/forms\/report$/, null],
  [/^\/api\/admin\/export\/(audit|reports|stats)$/, null],
  [/^\/api\/auth\//, "/api/auth/[...nextauth]"],
  [/^\/api\/staff\/evidence\//, "/api/staff/evidence/[reportId]/[sha]"],
  [/^\/_next\/static\//, "/_next/static"],
  [/^\/_next\/image/, "/_next/image"],
];

/** The route template of a request path, or "other": never the path itself. */
export function routeOf(path) {
  for (const [pattern, template] of ROUTES) if (pattern.test(path)) return template ?? path;
  return "other";
}

/** Routes whose POST files reports: their answer times go into the intake histogram. */
const INTAKE = new Set(["/api/v1/reports", "/api/v1/reports/batch", "/api/forms/report", "/report/[category]"]);

/** Counts an answered request (scripts/server.mjs), and times it when it filed reports. */
export function observeRequest(method, path, status, seconds) {
  const route = routeOf(path);
  metrics.requests.inc({ route, method: ["GET", "HEAD", "POST", "OPTIONS"].includes(method) ? method : "other", status: String(status) });
  if (method === "POST" && INTAKE.has(route)) metrics.intakeSeconds.observe({ route, outcome: status < 400 ? "ok" : status < 500 ? "refused" : "failed" }, seconds);
}
