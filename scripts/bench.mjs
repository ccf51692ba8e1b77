#!/usr/bin/env node
// `npm run bench [-- --seconds N] [--profile] [--only sqlite,floor] [--modes single] [--connections 10]`:
// intake throughput against the machine's limit.
//
// Every row runs in this one session on this machine, the server pinned to core 0 and the
// load generator (autocannon, scripts/bench/load.ts) to core 1:
//   limit    plain node:http + the portal's validation + raw better-sqlite3 (scripts/bench/limit-server.ts)
//   floor    a bare route handler in the portal's production build (app/api/bench/floor),
//            measured before the portal's rows and again after them (floor-2)
//   sqlite   the portal's production build on SQLite
//   postgres the same on a scratch PostgreSQL database (skipped when none answers)
// each with one report per request and 100 per request, at concurrency 10 and 50, after a
// warm-up. Then the first-load JavaScript of /report/crime and its server render time, and
// every public page's first-load JavaScript and Lighthouse scores (scripts/bench-pages.mjs).
// Prints a table and writes bench/results/latest.json.
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import Database from "better-sqlite3";
import pg from "pg";
import { percentiles, scratchEnv } from "./bench-support.mjs";
import { measurePages, recordPages } from "./bench-pages.mjs";
import { dropPostgresDatabase, postgresReachable, recreatePostgresDatabase } from "./postgres-admin.mjs";
import { ensureBuild, migrate, root } from "./setup.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const SECONDS = Number(option("--seconds", 20));
const WARMUP_SECONDS = Number(option("--warmup", 5));
const CONCURRENCY = option("--connections", "10,50").split(",").map(Number);
const MODES = option("--modes", "single,batch").split(",");
/** `--only sqlite,floor`: a quick partial run, printed but not written to bench/results. */
const ONLY = args.includes("--only") ? new Set(option("--only").split(",")) : null;
const runs = (target) => !ONLY || ONLY.has(target);
const BATCH_SIZE = 100;
const PORT = 3250;
const SERVER_CORE = "0";
const LOAD_CORE = "1";
const POSTGRES_SERVER = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const work = path.join(root, ".tmp", "bench");
const tsx = ["--import", "tsx"];

if (os.cpus().length < 2) console.warn("! Fewer than 2 cores: the load generator and the server share one.");

/** Runs a process and resolves with its stdout. */
function output(command, commandArgs, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
    let text = "";
    child.stdout.on("data", (chunk) => (text += chunk));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`${command} ${commandArgs.join(" ")} exited ${code}`))));
  });
}

/** Starts a server pinned to SERVER_CORE and waits until `probe` answers. */
async function startPinned(commandArgs, env, probe) {
  const server = spawn("taskset", ["-c", SERVER_CORE, process.execPath, ...commandArgs], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"], detached: true });
  for (let i = 0; ; i++) {
    if (await probe().catch(() => false)) return server;
    if (server.exitCode !== null || i > 150) {
      stop(server);
      throw new Error(`the server (${commandArgs.join(" ")}) did not start`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

function stop(server) {
  try {
    process.kill(-server.pid, "SIGKILL");
  } catch {
    // already gone
  }
}

/** CPU seconds the server's process group has used (user + system), from /proc. */
function cpuSeconds(server) {
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== server.pid) continue; // not in the server's process group
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // exited meanwhile
    }
  }
  return ticks / 100; // USER_HZ
}

let nextStart = 0;
/** One autocannon run pinned to LOAD_CORE; each run gets its own range of report numbers, so every target is new. */
async function load(url, mode, connections, seconds, partnerKey) {
  const start = nextStart;
  nextStart += mode === "batch" ? 50_000 : 2_000_000; // batch numbers count batches of 100
  const spec = JSON.stringify({ url, mode, connections, seconds, start, batchSize: BATCH_SIZE, partnerKey });
  return JSON.parse(await output("taskset", ["-c", LOAD_CORE, process.execPath, ...tsx, path.join(root, "scripts", "bench", "load.ts"), spec]));
}

/** Warm-up, then the measured run; checks what the database gained against what was acknowledged. */
async function measure({ target, server, url, mode, connections, countReports, partnerKey }) {
  const label = `${target.padEnd(8)} ${mode.padEnd(6)} c=${connections}`;
  process.stdout.write(`  ${label} … `);
  if (WARMUP_SECONDS > 0) await load(url, mode, connections, WARMUP_SECONDS, partnerKey);
  const before = countReports ? await countReports() : 0;
  const cpuBefore = cpuSeconds(server);
  const wallBefore = performance.now();
  const run = await load(url, mode, connections, SECONDS, partnerKey);
  const cpuPercent = Math.round((100 * (cpuSeconds(server) - cpuBefore)) / ((performance.now() - wallBefore) / 1000));
  await new Promise((r) => setTimeout(r, 1000)); // requests still in flight when the run ended finish
  const stored = countReports ? (await countReports()) - before : null;
  // Stored may exceed acknowledged by the requests in flight at the end, whose answers
  // autocannon no longer reads; fewer stored than acknowledged would be lost reports.
  const lost = stored === null ? 0 : Math.max(0, run.reportsSent - stored);
  const row = {
    target,
    mode,
    connections,
    seconds: run.seconds,
    requests: run.responses,
    errors: run.responses - run.ok + run.errors + run.timeouts + lost,
    statuses: run.statuses,
    reportsPerSecond: run.reportsSent / run.seconds,
    requestsPerSecond: run.ok / run.seconds,
    p50: run.p50,
    p95: run.p95,
    p99: run.p99,
    reportsAcknowledged: run.reportsSent,
    reportsStored: stored,
    serverCpuPercent: cpuPercent,
  };
  console.log(`${row.reportsPerSecond.toFixed(0)} reports/s, ${row.requestsPerSecond.toFixed(0)} req/s, p95 ${row.p95?.toFixed(1)} ms, ${row.errors} errors`);
  return row;
}

const sqliteCounter = (file) => async () => {
  const db = new Database(file, { readonly: true, timeout: 5000 });
  try {
    return Number(db.prepare(`SELECT COUNT(*) AS n FROM "Report"`).get().n);
  } finally {
    db.close();
  }
};
const postgresCounter = (url) => async () => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query(`SELECT COUNT(*) AS n FROM "Report"`)).rows[0].n);
  } finally {
    await client.end();
  }
};

const nextArgs = [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(PORT), "-H", "127.0.0.1"];
const base = `http://127.0.0.1:${PORT}`;
const answers = (pathname, expected) => async () => (await fetch(`${base}${pathname}`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } })).status === expected;
/** Rate limits stay on (their cost is part of intake) but high enough never to refuse the benchmark. */
const unlimited = { RATE_LIMIT_SUBMIT: "1000000000/600", RATE_LIMIT_BATCH: "1000000000/600" };

function freshSqlite(name) {
  const dir = path.join(work, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "evidence"), { recursive: true });
  const env = { ...scratchEnv(dir, PORT), ...unlimited };
  migrate(env);
  return { dir, env, file: path.join(dir, "portal.db") };
}

/** A partner key in the scratch database (batch intake needs one), made as an operator would. */
async function createPartnerKey(env) {
  const printed = await output(process.execPath, ["--conditions=react-server", ...tsx, path.join(root, "scripts", "partner.ts"), "create", "--name", "Benchmark"], env);
  const key = /^rpk_\S+$/m.exec(printed)?.[0];
  if (!key) throw new Error(`npm run partner printed no key:\n${printed}`);
  return key;
}

async function intakeRows(target, server, countReports, env) {
  const rows = [];
  const partnerKey = MODES.includes("batch") ? await createPartnerKey(env) : undefined;
  for (const mode of MODES) {
    for (const connections of CONCURRENCY) {
      const url = `${base}/api/v1/reports${mode === "batch" ? "/batch" : ""}`;
      rows.push(await measure({ target, server, url, mode, connections, countReports, partnerKey }));
    }
  }
  return rows;
}

/**
 * First-load JavaScript of a page: every script its HTML loads, gzipped (level 9), from
 * .next/static. Scripts marked `noModule` (Next's polyfills) are left out, as Next's own
 * figure leaves them out: browsers that run modules never fetch them.
 */
async function firstLoad(pathname) {
  const html = await (await fetch(`${base}${pathname}`)).text();
  const noModule = new Set([...html.matchAll(/<script[^>]*\bnoModule\b[^>]*>/gi)].map((m) => /src="\/_next\/static\/([^"?]+)"/.exec(m[0])?.[1]));
  const chunks = [...new Set([...html.matchAll(/(?:src|href)="\/_next\/static\/([^"?]+\.js)"/g)].map((m) => m[1]))].filter((c) => !noModule.has(c));
  let raw = 0;
  let gzip = 0;
  for (const chunk of chunks) {
    const bytes = readFileSync(path.join(root, ".next", "static", chunk));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  const ms = [];
  for (let i = 0; i < 33; i++) {
    const started = performance.now();
    const response = await fetch(`${base}${pathname}`, { headers: { "accept-language": "zh-CN" } });
    await response.text();
    if (response.status !== 200) throw new Error(`${pathname}: ${response.status}`);
    if (i >= 3) ms.push(performance.now() - started);
  }
  const { p50, p95 } = percentiles(ms);
  return { page: pathname, chunks: chunks.length, rawBytes: raw, gzipBytes: gzip, renderMsP50: p50, renderMsP95: p95 };
}

/**
 * `npm run bench -- --profile`: the SQLite single-report row at concurrency 10 again, with
 * the server under `node --cpu-prof`, and where its time went (scripts/bench/profile-summary.mjs).
 */
async function profile() {
  ensureBuild();
  rmSync(work, { recursive: true, force: true });
  const { env, file, dir } = freshSqlite("profile");
  const profiles = path.join(dir, "profiles");
  const server = await startPinned(["--cpu-prof", `--cpu-prof-dir=${profiles}`, ...nextArgs], env, answers("/api/v1/reports", 422));
  await measure({ target: "sqlite", server, url: `${base}/api/v1/reports`, mode: "single", connections: 10, countReports: sqliteCounter(file) });
  process.kill(-server.pid, "SIGTERM"); // a clean exit writes the profile
  await new Promise((resolve) => server.on("exit", resolve));
  const [written] = readdirSync(profiles);
  console.log(`\nServer profile (startup and warm-up included):\n${await output(process.execPath, [path.join(root, "scripts", "bench", "profile-summary.mjs"), path.join(profiles, written), "--top", "12"])}`);
}

async function main() {
  ensureBuild();
  rmSync(work, { recursive: true, force: true });
  const startedAt = new Date();
  const rows = [];
  let page;

  console.log(`\nIntake benchmark: ${SECONDS} s per row after ${WARMUP_SECONDS} s of warm-up; server on core ${SERVER_CORE}, autocannon on core ${LOAD_CORE}.`);

  if (runs("limit")) {
    const { env, file } = freshSqlite("limit");
    const server = await startPinned(["--conditions=react-server", ...tsx, path.join(root, "scripts", "bench", "limit-server.ts")], { ...env, PORT: String(PORT) }, answers("/api/v1/reports", 422));
    try {
      rows.push(...(await intakeRows("limit", server, sqliteCounter(file), env)));
    } finally {
      stop(server);
    }
  }
  // The floor moves between runs on a shared machine, so it is measured twice, before and
  // after the portal's rows, and the ratios use the mean of the two.
  const floorRows = async (target) => {
    const { env } = freshSqlite(target);
    const server = await startPinned(nextArgs, { ...env, BENCH_FLOOR_ROUTE: "1" }, answers("/api/bench/floor", 201));
    try {
      for (const connections of CONCURRENCY) rows.push(await measure({ target, server, url: `${base}/api/bench/floor`, mode: "single", connections }));
    } finally {
      stop(server);
    }
  };
  if (runs("floor")) await floorRows("floor");
  if (runs("sqlite")) {
    const { env, file } = freshSqlite("sqlite");
    const server = await startPinned(nextArgs, env, answers("/api/v1/reports", 422));
    try {
      rows.push(...(await intakeRows("sqlite", server, sqliteCounter(file), env)));
      if (!ONLY) page = await firstLoad("/report/crime");
    } finally {
      stop(server);
    }
  }
  if (!runs("postgres")) {
    // left out of a partial run
  } else if (await postgresReachable(POSTGRES_SERVER)) {
    const url = new URL(POSTGRES_SERVER);
    url.pathname = `/portal_bench_${process.pid}`;
    const { env } = freshSqlite("postgres");
    env.DATABASE_URL = url.toString();
    await recreatePostgresDatabase(env.DATABASE_URL);
    try {
      migrate(env);
      const server = await startPinned(nextArgs, env, answers("/api/v1/reports", 422));
      try {
        rows.push(...(await intakeRows("postgres", server, postgresCounter(env.DATABASE_URL), env)));
      } finally {
        stop(server);
      }
    } finally {
      await dropPostgresDatabase(env.DATABASE_URL);
    }
  } else {
    console.log(`  postgres: skipped, nothing answers at ${POSTGRES_SERVER}`);
  }

  if (runs("floor") && !ONLY) await floorRows("floor-2");

  // Ratios: reports/s to the limit's row of the same mode and concurrency; requests/s to the
  // mean of the floor's two measurements at the same concurrency.
  const find = (target, mode, connections) => rows.find((r) => r.target === target && r.mode === mode && r.connections === connections);
  const floorRate = (connections) => {
    const measured = rows.filter((r) => r.target.startsWith("floor") && r.connections === connections).map((r) => r.requestsPerSecond);
    return measured.length ? measured.reduce((a, b) => a + b, 0) / measured.length : null;
  };
  for (const row of rows) {
    const limit = find("limit", row.mode, row.connections);
    const floor = row.mode === "single" ? floorRate(row.connections) : null;
    row.ratioToLimit = limit ? row.reportsPerSecond / limit.reportsPerSecond : null;
    row.ratioToFloor = floor ? row.requestsPerSecond / floor : null;
  }

  const fmt = (value, digits = 0) => (value === null || value === undefined ? "—" : value.toFixed(digits));
  console.log("\n target   mode    conc  reports/s    req/s   p50 ms   p95 ms   p99 ms  errors  ×limit  ×floor  server CPU");
  for (const r of rows) {
    console.log(
      ` ${r.target.padEnd(8)} ${r.mode.padEnd(6)} ${String(r.connections).padStart(5)} ${fmt(r.reportsPerSecond).padStart(10)} ${fmt(r.requestsPerSecond).padStart(8)} ${fmt(r.p50, 1).padStart(8)} ${fmt(r.p95, 1).padStart(8)} ${fmt(r.p99, 1).padStart(8)} ${String(r.errors).padStart(7)} ${fmt(r.ratioToLimit, 2).padStart(7)} ${fmt(r.ratioToFloor, 2).padStart(7)} ${String(r.serverCpuPercent).padStart(9)} %`,
    );
  }
  if (ONLY) return; // a partial run: no first-load figure, no targets, nothing written
  console.log(`\n First-load JavaScript of ${page.page}: ${(page.gzipBytes / 1000).toFixed(1)} kB gzipped (${(page.rawBytes / 1000).toFixed(1)} kB raw, ${page.chunks} scripts); server render p50 ${page.renderMsP50.toFixed(1)} ms, p95 ${page.renderMsP95.toFixed(1)} ms.`);

  const targets = {
    "single ≥ 0.7× floor (SQLite, c10)": find("sqlite", "single", 10)?.ratioToFloor >= 0.7,
    "batch SQLite ≥ 0.25× limit batch, zero errors (c10 and c50)": CONCURRENCY.every((c) => find("sqlite", "batch", c)?.ratioToLimit >= 0.25 && find("sqlite", "batch", c)?.errors === 0),
    "single p95 ≤ 100 ms at c10 (SQLite)": find("sqlite", "single", 10)?.p95 <= 100,
    "first-load JS of /report/crime ≤ 150 kB gzipped": page.gzipBytes <= 150_000,
  };
  console.log("\n Targets:");
  for (const [name, met] of Object.entries(targets)) console.log(`  ${met ? "met   " : "MISSED"}  ${name}`);

  const commit = await output("git", ["rev-parse", "--short", "HEAD"]).then((s) => s.trim(), () => null);
  const result = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    commit,
    machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.type()} ${os.release()}` },
    method: {
      loadGenerator: "autocannon 9 (scripts/bench/load.ts), pinned with taskset to core " + LOAD_CORE,
      server: "pinned with taskset to core " + SERVER_CORE + "; PostgreSQL's own processes are not pinned",
      secondsPerRow: SECONDS,
      warmupSeconds: WARMUP_SECONDS,
      batchSize: BATCH_SIZE,
      bodies: "the valid report of each category from lib/validation/fixtures.ts, in turn, every target unique (scripts/bench/bodies.ts); no evidence files, no Idempotency-Key; batch requests carry a partner key made with npm run partner in the scratch database",
      reportsPerSecond: "reports acknowledged (201, or 201 items of a batch answered 200) ÷ seconds; the database's row count is checked to hold at least as many",
      errors: "non-2xx responses + socket errors + timeouts + reports acknowledged but not stored",
      ratioToLimit: "reports/s ÷ the limit's reports/s, same mode and concurrency",
      ratioToFloor: "requests/s ÷ the mean of the floor's two measurements (before and after the portal's rows), same concurrency",
    },
    rows,
    firstLoad: page,
    targets,
  };
  if (SECONDS < 20) {
    console.log("\n Not written to bench/results: its rows must run at least 20 s each.");
    return;
  }
  mkdirSync(path.join(root, "bench", "results"), { recursive: true });
  writeFileSync(path.join(root, "bench", "results", "latest.json"), `${JSON.stringify(result, null, 2)}\n`);
  console.log("\n Written to bench/results/latest.json");
  console.log("\n Public pages (npm run bench:pages):");
  recordPages(await measurePages());
}

try {
  await (args.includes("--profile") ? profile() : main());
} finally {
  rmSync(work, { recursive: true, force: true });
}
