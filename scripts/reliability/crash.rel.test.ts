import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { validSpam } from "@/lib/validation/fixtures";
import { cleanup, prepare, scratch, startServer } from "./harness";

/**
 * Crash: while a load generator submits reports, some with evidence, the server is killed
 * with SIGKILL again and again, and restarted the way `npm start` does. Every report that
 * got a 201 must be there with its files; retries with the same Idempotency-Key must not
 * duplicate anything; no orphan file may be left; the database must pass integrity_check.
 * RELIABILITY_KILLS sets the number of kills (5 by default, 20 in the full run).
 */
const KILLS = Number(process.env.RELIABILITY_KILLS ?? 5);
const WORKERS = 6;
const s = scratch(3210);
afterAll(() => cleanup(s));

/** One report the generator wants filed; a retry sends exactly the same request again. */
type Logical = {
  key: string;
  marker: string;
  body: string;
  seed: number;
  withFile: boolean;
  id?: string;
  attempts: number;
  replayed: boolean;
  last?: string;
};

function newReport(seed: number): Logical {
  const marker = randomUUID();
  const body = JSON.stringify({ ...validSpam(), description: `Crash test report ${marker}: messages from a number that claims to be a bank.` });
  return { key: randomUUID(), marker, body, seed, withFile: seed % 3 === 0, attempts: 0, replayed: false };
}

async function image(seed: number): Promise<Buffer> {
  return sharp({ create: { width: 16, height: 16, channels: 3, background: { r: seed % 256, g: (seed >> 8) % 256, b: 99 } } }).png().toBuffer();
}

async function submit(base: string, report: Logical): Promise<"ok" | "retry"> {
  report.attempts++;
  try {
    let response: Response;
    if (report.withFile) {
      const form = new FormData();
      form.set("report", report.body);
      form.set("evidence", new Blob([new Uint8Array(await image(report.seed))], { type: "image/png" }), "screenshot.png");
      response = await fetch(`${base}/api/v1/reports`, {
        method: "POST",
        body: form,
        headers: { "idempotency-key": report.key },
        signal: AbortSignal.timeout(20_000),
      });
    } else {
      response = await fetch(`${base}/api/v1/reports`, {
        method: "POST",
        body: report.body,
        headers: { "content-type": "application/json", "idempotency-key": report.key },
        signal: AbortSignal.timeout(20_000),
      });
    }
    if (response.status === 201) {
      const created = (await response.json()) as { id: string };
      if (report.id && report.id !== created.id) throw new Error(`key ${report.key} answered two ids`);
      if (report.attempts > 1) report.replayed = true;
      report.id = created.id;
      return "ok";
    }
    if (response.status >= 500) {
      report.last = `${response.status} ${(await response.text()).slice(0, 200)}`;
      return "retry";
    }
    throw new Error(`unexpected ${response.status}: ${await response.text()}`);
  } catch (error) {
    if (error instanceof Error && /unexpected|two ids/.test(error.message)) throw error;
    report.last = String(error);
    return "retry"; // connection refused or reset: the server is down
  }
}

describe("SIGKILL during load", () => {
  it(`loses and duplicates nothing across ${KILLS} kills`, { timeout: 600_000 }, async () => {
    prepare(s);
    let server: ChildProcess = await startServer(s);
    const reports: Logical[] = [];
    let running = true;
    let seed = 1;
    const pending: Logical[] = [];

    const worker = async () => {
      while (running) {
        const report = pending.shift() ?? newReport(seed++);
        if (report.attempts === 0) reports.push(report);
        const outcome = await submit(s.base, report);
        if (outcome === "retry") {
          pending.push(report);
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    };
    const workers = Array.from({ length: WORKERS }, worker);
    console.log(`  load started: ${WORKERS} clients`);

    let restarts = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      await new Promise((r) => setTimeout(r, 1200 + Math.random() * 1200));
      server.kill("SIGKILL");
      await new Promise((r) => server.once("exit", r));
      prepare(s); // migrations, WAL, orphan sweep: what npm start runs
      server = await startServer(s);
      restarts++;
      console.log(`  kill ${kill + 1}: ${reports.length} reports so far, ${pending.length} waiting to be retried`);
    }
    await new Promise((r) => setTimeout(r, 1000));
    running = false;
    await Promise.all(workers);
    // Every report the generator started is retried with its key until it is acknowledged.
    const deadline = Date.now() + 60_000;
    while (pending.length > 0 && Date.now() < deadline) {
      const report = pending.shift()!;
      if ((await submit(s.base, report)) === "retry") {
        pending.push(report);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    expect(pending.map((r) => r.last)).toEqual([]);
    server.kill("SIGKILL");
    await new Promise((r) => server.once("exit", r));
    const swept = prepare(s);

    const db = new Database(path.join(s.dir, "portal.db"), { readonly: true });
    const rows = db.prepare(`SELECT "id", "description" FROM "Report"`).all() as { id: string; description: string }[];
    const evidence = db.prepare(`SELECT "reportId", "sha256" FROM "Evidence"`).all() as { reportId: string; sha256: string }[];
    const integrity = (db.prepare("PRAGMA integrity_check").get() as { integrity_check: string }).integrity_check;
    db.close();

    const acknowledged = reports.filter((r) => r.id);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const missing = acknowledged.filter((r) => !byId.get(r.id!)?.description.includes(r.marker));
    const perMarker = new Map<string, number>();
    for (const row of rows) {
      const marker = /Crash test report ([0-9a-f-]{36})/.exec(row.description)?.[1] ?? "?";
      perMarker.set(marker, (perMarker.get(marker) ?? 0) + 1);
    }
    const duplicated = [...perMarker.values()].filter((n) => n > 1).length;
    const withFiles = acknowledged.filter((r) => r.withFile);
    const filesMissing = withFiles.filter((r) => {
      const files = evidence.filter((e) => e.reportId === r.id);
      return files.length !== 1 || !existsSync(path.join(s.dir, "evidence", r.id!, files[0].sha256));
    });
    const onDisk = readdirSync(path.join(s.dir, "evidence")).flatMap((d) => readdirSync(path.join(s.dir, "evidence", d)).map((f) => `${d}/${f}`));
    const known = new Set(evidence.map((e) => `${e.reportId}/${e.sha256}`));
    const orphans = onDisk.filter((f) => !known.has(f));

    console.log(
      [
        `crash test: ${KILLS} SIGKILLs, ${restarts} restarts, ${WORKERS} concurrent clients`,
        `  reports submitted ${reports.length}, acknowledged with 201 ${acknowledged.length}, of which with a file ${withFiles.length}`,
        `  requests ${reports.reduce((a, r) => a + r.attempts, 0)}, retried reports ${reports.filter((r) => r.attempts > 1).length}, acknowledged on a retry ${reports.filter((r) => r.replayed).length}`,
        `  rows in Report ${rows.length}, evidence files ${evidence.length}, missing ${missing.length}, duplicated ${duplicated}`,
        `  files missing ${filesMissing.length}, orphan files ${orphans.length}, integrity_check ${integrity}`,
        `  ${swept.trim().split("\n").filter((l) => /Removed/.test(l)).join(" ") || "  no orphan folder needed sweeping at the last restart"}`,
      ].join("\n"),
    );
    expect(acknowledged.length).toBe(reports.length);
    expect(missing).toEqual([]);
    expect(duplicated).toBe(0);
    expect(rows.length).toBe(acknowledged.length);
    expect(filesMissing).toEqual([]);
    expect(orphans).toEqual([]);
    expect(integrity).toBe("ok");
  });
});
