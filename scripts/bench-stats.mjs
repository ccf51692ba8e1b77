#!/usr/bin/env node
// `npm run bench:stats [-- N] [--db DIR]`: seeds N reports (default 1,000,000) received over
// two years into a scratch database, serves the production build on it, signs an admin in,
// and prints the server time of /admin/stats for each preset (p50 and p95), then the
// throughput and the server's peak memory while it streams the export of every report.
// `--db DIR` reuses a database seeded earlier in DIR (it must hold portal.db).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { addStaff, percentiles, scratchEnv, signIn, startServer } from "./bench-support.mjs";
import { ensureBuild, migrate, root } from "./setup.mjs";

const args = process.argv.slice(2);
const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const reuse = args.includes("--db") ? path.resolve(args[args.indexOf("--db") + 1]) : null;
const port = 3191;
const dir = reuse ?? path.join(root, ".tmp", "bench-stats");
const env = scratchEnv(dir, port);

ensureBuild();
if (!reuse || !existsSync(path.join(dir, "portal.db"))) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  migrate(env);
  const seeded = spawnSync(process.execPath, [path.join(root, "scripts", "seed-bulk.mjs"), String(count), "--days", "730"], { env, stdio: "inherit" });
  if (seeded.status !== 0) process.exit(seeded.status ?? 1);
}
await addStaff(dir, { id: "bench-admin", email: "bench-admin@bench.test", role: "ADMIN", password: "bench-password-123" });
const { server, base } = await startServer(env, port);

/** The server's resident memory now and at its peak (VmHWM), in MiB. */
function memory() {
  const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
  const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

try {
  const cookie = await signIn(base, "bench-admin@bench.test", "bench-password-123");
  const get = async (url) => {
    const started = performance.now();
    const response = await fetch(`${base}${url}`, { headers: { cookie }, redirect: "manual" });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
    return { ms: performance.now() - started, body };
  };
  const views = {
    "last 7 days": "/admin/stats?range=7d",
    "last 30 days (default)": "/admin/stats",
    "last 12 months": "/admin/stats?range=12m",
    "12 months, crime only": "/admin/stats?range=12m&category=crime",
    "two years by week": "/admin/stats?range=custom&from=2024-11-26&to=2026-11-26&interval=week",
  };
  console.log(`\n/admin/stats server time with ${count.toLocaleString("en")} reports over two years (20 requests each, after 2 warm-ups):`);
  for (const [name, url] of Object.entries(views)) {
    for (let i = 0; i < 2; i++) await get(url);
    const ms = [];
    for (let i = 0; i < 20; i++) ms.push((await get(url)).ms);
    const { p50, p95 } = percentiles(ms);
    console.log(`  ${name.padEnd(28)} p50 ${p50.toFixed(0).padStart(5)} ms   p95 ${p95.toFixed(0).padStart(5)} ms`);
  }

  const before = memory();
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  for (const format of ["csv", "json"]) {
    const started = performance.now();
    const response = await fetch(`${base}/api/admin/export/reports?range=custom&from=2024-11-01&to=${today}&format=${format}`, { headers: { cookie } });
    if (response.status !== 200) throw new Error(`export: ${response.status}`);
    let bytes = 0;
    let lines = 0;
    let peak = 0;
    let sampled = performance.now();
    for await (const chunk of response.body) {
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) lines++;
      if (performance.now() - sampled > 200) {
        peak = Math.max(peak, memory().rss);
        sampled = performance.now();
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const rows = format === "csv" ? lines - 1 : lines - 2;
    console.log(`\nExport of ${rows.toLocaleString("en")} reports as ${format.toUpperCase()}: ${seconds.toFixed(1)} s, ` +
      `${Math.round(rows / seconds).toLocaleString("en")} reports/s, ${(bytes / 1048576).toFixed(0)} MiB`);
    console.log(`  server RSS before ${before.rss.toFixed(0)} MiB, highest sampled during the export ${peak.toFixed(0)} MiB, process peak (VmHWM) ${memory().peak.toFixed(0)} MiB`);
  }
} finally {
  server.kill();
  if (!reuse) rmSync(dir, { recursive: true, force: true });
}
