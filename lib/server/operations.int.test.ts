import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GET as healthz } from "@/app/healthz/route";
import { GET as metricsRoute } from "@/app/metrics/route";
import { GET as readyz } from "@/app/readyz/route";
import { POST as submit } from "@/app/api/v1/reports/route";
import { validReports } from "@/lib/validation/fixtures";
import { readiness } from "./health";
import { scraperAllowed } from "./metrics-scrape";
import { jsonRequest } from "./testing/requests";

/**
 * The operator's endpoints: /healthz, /readyz and /metrics (README, "Running in
 * production"). The database-down case of /readyz runs against the production build in
 * scripts/reliability/database-down.rel.test.ts, through its relay.
 */
const TOKEN = process.env.METRICS_TOKEN!;
const scratch = mkdtempSync(path.join(os.tmpdir(), "portal-ops-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const scrapeText = async (token = TOKEN) => {
  const response = await metricsRoute(new Request("http://portal.test/metrics", { headers: { authorization: `Bearer ${token}` } }));
  return { status: response.status, text: await response.text(), type: response.headers.get("content-type") };
};
/** The value of one sample line, e.g. `portal_reports_received_total{category="spam"}`. */
const sample = (text: string, series: string) => {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
};

describe("GET /healthz", () => {
  it("answers 200 without touching anything else", async () => {
    const response = healthz();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("GET /readyz", () => {
  it("is ready on a migrated database with a writable evidence folder", async () => {
    const response = await readyz();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready" });
  });

  it("is not ready when a migration this build ships has not been applied", async () => {
    const shipped = path.join(scratch, "migrations");
    mkdirSync(path.join(shipped, "20991231000000_not_applied"), { recursive: true });
    expect(await readiness({ migrations: shipped })).toEqual({ ready: false, failing: ["migrations"] });
  });

  it("is not ready when the evidence folder is missing, and says only which check failed", async () => {
    expect(await readiness({ evidence: path.join(scratch, "gone") })).toEqual({ ready: false, failing: ["evidence"] });
  });
});

describe("GET /metrics", () => {
  it("is off without METRICS_TOKEN and refuses a missing or wrong token", async () => {
    expect(scraperAllowed(new Request("http://portal.test/metrics"), null)).toBe("off");
    const none = await metricsRoute(new Request("http://portal.test/metrics"));
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await scrapeText("not-the-token")).status).toBe(401);
    expect((await scrapeText(`${TOKEN}x`)).status).toBe(401);
  });

  it("counts a report as received, in the queue, and in a group commit; labels hold no personal data", async () => {
    const before = await scrapeText();
    expect(before.status).toBe(200);
    expect(before.type).toMatch(/^text\/plain; version=0\.0\.4/);
    const report = { ...validReports.spam(), sender: "+86 139 1234 5678", description: "Metrics test: a parcel-fee text message." };
    const response = await submit(jsonRequest("http://portal.test/api/v1/reports", report));
    expect(response.status).toBe(201);
    const after = await scrapeText();
    const received = 'portal_reports_received_total{category="spam"}';
    expect(sample(after.text, received)).toBe(sample(before.text, received) + 1);
    expect(sample(after.text, "portal_group_commit_reports_count")).toBeGreaterThan(sample(before.text, "portal_group_commit_reports_count"));
    const open = (text: string) => sample(text, 'portal_queue_open_reports{category="spam",band="normal"}') + sample(text, 'portal_queue_open_reports{category="spam",band="urgent"}');
    expect(open(after.text)).toBe(open(before.text) + 1);
    for (const name of ["portal_queue_overdue_reports", "portal_rate_limit_refusals_total", "portal_database_errors_total", "portal_intake_duration_seconds", "portal_http_requests_total"]) {
      expect(after.text, name).toContain(`# TYPE ${name}`);
    }
    // Nothing the reporter typed appears anywhere in the scrape.
    expect(after.text).not.toMatch(/1234 5678|8613912345678|parcel-fee|Metrics test/);
  });
});
