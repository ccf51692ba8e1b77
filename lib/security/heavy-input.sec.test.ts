import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_TARGETS } from "@/lib/targets/extract";
import { validSpam } from "@/lib/validation/fixtures";
import { FILE_LIMITS } from "@/lib/validation/options";
import { RAW_EMAIL_MAX_CHARS } from "@/lib/categories/spam";
import { ADMIN, startPortal, type Portal } from "./harness";
import { signIn } from "./staff";

/**
 * Issue #11, item 2. A spam report with a .eml of 200,000 links froze the server for about
 * 8 minutes, wrote 200,001 target keys and gave a 101 MB review page; a 1 MB pasted
 * `rawEmail` blocked every other request for 24 s (linkify searched the whole rest of the
 * text again after each link, and postal-mime read every line through Node's Blob). The
 * worst allowed inputs are sent here while another client keeps asking for the category
 * list: its answers must stay well under a second.
 */
let portal: Portal;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(() => portal?.stop());

/**
 * The goal is that another request is answered "in well under a second"; the tests
 * print what they measured (218–485 ms in CI runs). The bound asserted is looser, so that a
 * busy machine does not fail them (a CI run with other work beside it saw 1,050 ms), and
 * still catches the fault itself: with extraction on the main thread, other requests
 * waited 13.9 s (p95) behind a 1 MB paste, and timed out behind a 10 MB file.
 */
const OTHER_REQUEST_MAX_MS = 5_000;

const HEAD = "From: Deals <deals@spam.example.com>\r\nTo: you@example.org\r\nSubject: Prizes\r\nDate: Wed, 25 Nov 2026 10:00:00 +0000\r\n\r\n";

/** A message of exactly `chars` characters of distinct links, ending with an address (linkify's worst case). */
function emailOfLinks(chars: number, prefix: string): string {
  const tail = "\r\nwrite to claims@prize.example.com";
  const lines: string[] = [];
  let length = HEAD.length + tail.length;
  for (let i = 0; ; i++) {
    const line = `http://${prefix}${i}.example.com/win?id=${i}\n`;
    if (length + line.length > chars) break;
    lines.push(line);
    length += line.length;
  }
  return (HEAD + lines.join("") + tail).padEnd(chars, " ");
}

const emailReport = () => ({ ...validSpam(), channel: "email", sender: "deals@spam.example.com", recipient: undefined, content: undefined });

/** Runs `work` while another client asks for /api/v1/categories again and again; returns each answer's time. */
async function whileProbing<T>(work: Promise<T>): Promise<{ result: T; latencies: number[] }> {
  let done = false;
  const finished = work.finally(() => {
    done = true;
  });
  const latencies: number[] = [];
  while (!done) {
    const started = performance.now();
    const response = await fetch(`${portal.base}/api/v1/categories`);
    await response.arrayBuffer();
    expect(response.status).toBe(200);
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { result: await finished, latencies };
}

function describeLatencies(label: string, latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(0);
  console.info(`${label}: ${latencies.length} other requests, median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
}

function stored(reportId: string) {
  const db = new Database(path.join(portal.dir, "portal.db"), { readonly: true });
  try {
    const keys = db.prepare(`SELECT count(*) AS n FROM "TargetKey" WHERE "reportId" = ?`).get(reportId) as { n: number };
    const report = db.prepare(`SELECT "details" FROM "Report" WHERE "id" = ?`).get(reportId) as { details: string };
    return { keys: keys.n, details: JSON.parse(report.details) as { moreTargets?: { count: number; partlySearched: boolean } } };
  } finally {
    db.close();
  }
}

async function reviewPage(reportId: string): Promise<string> {
  const cookie = await signIn(portal.base, ADMIN.email, ADMIN.password);
  const response = await fetch(`${portal.base}/queue/${reportId}`, { headers: { cookie, "accept-language": "en" } });
  expect(response.status).toBe(200);
  return response.text();
}

describe("the worst allowed inputs", () => {
  it(`a ${RAW_EMAIL_MAX_CHARS.toLocaleString("en")}-character pasted email of links: others are served, ${MAX_TARGETS} keys are kept and the rest counted`, async () => {
    const rawEmail = emailOfLinks(RAW_EMAIL_MAX_CHARS, "paste");
    const submit = fetch(`${portal.base}/api/v1/reports`, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": "en" },
      body: JSON.stringify({ ...emailReport(), rawEmail }),
    });
    const { result: response, latencies } = await whileProbing(submit);
    describeLatencies("1 MB rawEmail", latencies);
    expect(response.status).toBe(201);
    expect(Math.max(...latencies)).toBeLessThan(OTHER_REQUEST_MAX_MS);

    const { id } = (await response.json()) as { id: string };
    const { keys, details } = stored(id);
    expect(keys).toBe(MAX_TARGETS);
    // Every link is distinct: all but the ones kept are counted.
    expect(details.moreTargets?.count).toBeGreaterThan(20_000);
    expect(details.moreTargets?.partlySearched).toBe(false);

    const page = await reviewPage(id);
    expect(page.length).toBeLessThan(500_000);
    expect(page).toContain(`and ${details.moreTargets!.count.toLocaleString("en")} more targets`);
  });

  it(`a ${FILE_LIMITS.maxFileBytes / 1024 / 1024} MB .eml of links as evidence: others are served, the keys are capped, and the page says what was not searched`, async () => {
    const eml = emailOfLinks(FILE_LIMITS.maxFileBytes, "file");
    const form = new FormData();
    form.append("report", JSON.stringify(emailReport()));
    form.append("evidence", new Blob([eml]), "prizes.eml");
    const submit = fetch(`${portal.base}/api/v1/reports`, { method: "POST", body: form, headers: { "accept-language": "en" } });
    const { result: response, latencies } = await whileProbing(submit);
    describeLatencies("10 MB .eml", latencies);
    expect(response.status).toBe(201);
    expect(Math.max(...latencies)).toBeLessThan(OTHER_REQUEST_MAX_MS);

    const { id } = (await response.json()) as { id: string };
    const { keys, details } = stored(id);
    expect(keys).toBe(MAX_TARGETS);
    expect(details.moreTargets?.count).toBeGreaterThan(0);
    expect(details.moreTargets?.partlySearched).toBe(true);

    const page = await reviewPage(id);
    expect(page.length).toBeLessThan(500_000);
    expect(page).toContain("characters of this report");
  });

  it("both at once, twice over: every report is stored and others are still served", async () => {
    const rawEmail = emailOfLinks(RAW_EMAIL_MAX_CHARS, "again");
    const eml = emailOfLinks(FILE_LIMITS.maxFileBytes, "twice");
    const sends = [0, 1].flatMap(() => {
      const form = new FormData();
      form.append("report", JSON.stringify(emailReport()));
      form.append("evidence", new Blob([eml]), "prizes.eml");
      return [
        fetch(`${portal.base}/api/v1/reports`, { method: "POST", body: form }),
        fetch(`${portal.base}/api/v1/reports`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ ...emailReport(), rawEmail }),
        }),
      ];
    });
    const { result: responses, latencies } = await whileProbing(Promise.all(sends));
    describeLatencies("2 × (1 MB rawEmail + 10 MB .eml) at once", latencies);
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(Math.max(...latencies)).toBeLessThan(OTHER_REQUEST_MAX_MS);
  });
});
