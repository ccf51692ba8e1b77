#!/usr/bin/env node
// `npm run bench:pages [-- --no-lighthouse] [--runs 3]`: the public pages as a phone on a slow
// network gets them. For every public page: its first-load JavaScript (every script its HTML
// loads, gzipped at level 9; Next's noModule polyfills left out) and, with Lighthouse 12 in
// Debian's Chromium (CHROME_PATH, default /usr/bin/chromium), mobile preset with simulated
// slow 4G, the scores and the metrics behind performance (median of --runs runs).
// Lighthouse is installed on first use into .tmp/lighthouse (it is not a dependency of the
// portal). Prints a table and writes the figures into bench/results/latest.json (`pages`).
// `npm run bench` runs this at its end.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { scratchEnv, startServer } from "./bench-support.mjs";
import { ensureBuild, migrate, root } from "./setup.mjs";

const args = process.argv.slice(2);
const RUNS = Number(args.includes("--runs") ? args[args.indexOf("--runs") + 1] : 3);
const LIGHTHOUSE = !args.includes("--no-lighthouse");
const LIGHTHOUSE_VERSION = "12.8.2";
const PORT = 3260;
export const PUBLIC_PAGES = ["/", "/report/harmful-info", "/report/crime", "/report/spam", "/report/copyright", "/status", "/transparency", "/after-you-report", "/privacy"];
const TARGETS = { firstLoadBytes: 150_000, performanceHome: 95, performanceForms: 90, totalBlockingTimeMs: 200, otherScores: 100 };
const work = path.join(root, ".tmp", "bench-pages");

/**
 * A page's HTML. Retried once: after a Lighthouse run, the kept-alive connection of the last
 * fetch has been closed by the server (keepAliveTimeout), and reusing it fails.
 */
async function pageText(url) {
  try {
    return await (await fetch(url)).text();
  } catch {
    return (await fetch(url)).text();
  }
}

/** First-load JavaScript of a page, as the bench has always measured it. */
async function firstLoad(base, pathname) {
  const html = await pageText(`${base}${pathname}`);
  const noModule = new Set([...html.matchAll(/<script[^>]*\bnoModule\b[^>]*>/gi)].map((m) => /src="\/_next\/static\/([^"?]+)"/.exec(m[0])?.[1]));
  const chunks = [...new Set([...html.matchAll(/(?:src|href)="\/_next\/static\/([^"?]+\.js)"/g)].map((m) => m[1]))].filter((c) => !noModule.has(c));
  let raw = 0;
  let gzip = 0;
  for (const chunk of chunks) {
    const file = path.join(root, ".next", "static", chunk);
    // A preload of a chunk the build did not write (seen with next/dynamic): not downloaded.
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { scripts: chunks.length, rawBytes: raw, gzipBytes: gzip };
}

/** Lighthouse's command, installed on first use into .tmp/lighthouse. */
function lighthouseBin() {
  const dir = path.join(root, ".tmp", "lighthouse");
  const bin = path.join(dir, "node_modules", "lighthouse", "cli", "index.js");
  if (!existsSync(bin)) {
    console.log(`Installing lighthouse@${LIGHTHOUSE_VERSION} into .tmp/lighthouse (once)…`);
    mkdirSync(dir, { recursive: true });
    execFileSync("npm", ["install", "--prefix", dir, "--no-save", "--no-audit", "--no-fund", "--loglevel=error", `lighthouse@${LIGHTHOUSE_VERSION}`], { stdio: "inherit" });
  }
  return bin;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One page through Lighthouse, RUNS times; the run with the median performance score. */
function lighthouse(bin, url) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const out = path.join(work, `lh-${i}.json`);
    const result = spawnSync(
      process.execPath,
      [bin, url, "--quiet", "--output=json", `--output-path=${out}`, "--form-factor=mobile", "--throttling-method=simulate", "--only-categories=performance,accessibility,best-practices,seo", "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
      { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" }, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" },
    );
    if (result.status !== 0) throw new Error(`lighthouse ${url} failed:\n${result.stderr}`);
    const report = JSON.parse(readFileSync(out, "utf8"));
    const score = (id) => Math.round((report.categories[id]?.score ?? 0) * 100);
    const ms = (id) => Math.round(report.audits[id]?.numericValue ?? NaN);
    runs.push({
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      seo: score("seo"),
      lcpMs: ms("largest-contentful-paint"),
      fcpMs: ms("first-contentful-paint"),
      tbtMs: ms("total-blocking-time"),
      cls: Number((report.audits["cumulative-layout-shift"]?.numericValue ?? 0).toFixed(3)),
      legacyJsBytes: Math.round(report.audits["legacy-javascript"]?.details?.overallSavingsBytes ?? report.audits["legacy-javascript-insight"]?.details?.overallSavingsBytes ?? 0),
      unusedJsBytes: Math.round(report.audits["unused-javascript"]?.details?.overallSavingsBytes ?? 0),
    });
  }
  const middle = median(runs.map((r) => r.performance));
  return { ...runs.find((r) => r.performance === middle), runs: runs.length, performanceRange: [Math.min(...runs.map((r) => r.performance)), Math.max(...runs.map((r) => r.performance))] };
}

export async function measurePages() {
  ensureBuild();
  rmSync(work, { recursive: true, force: true });
  mkdirSync(path.join(work, "evidence"), { recursive: true });
  const env = scratchEnv(work, PORT);
  migrate(env);
  // The server's log goes to .tmp/bench-pages.log, to see why, should a page fail.
  const serverLog = openSync(path.join(root, ".tmp", "bench-pages.log"), "w");
  const { server, base } = await startServer({ ...env, LOG_LEVEL: "warn" }, PORT, { stdio: ["ignore", serverLog, serverLog] });
  const bin = LIGHTHOUSE ? lighthouseBin() : null;
  const pages = [];
  try {
    for (const page of PUBLIC_PAGES) {
      // Warm the server's render of the page before measuring it.
      for (let i = 0; i < 3; i++) await pageText(`${base}${page}`);
      const row = { page, ...(await firstLoad(base, page)) };
      if (bin) row.lighthouse = lighthouse(bin, `${base}${page}`);
      pages.push(row);
      const lh = row.lighthouse;
      console.log(
        ` ${page.padEnd(22)} ${(row.gzipBytes / 1000).toFixed(1).padStart(6)} kB` +
          (lh ? `   perf ${String(lh.performance).padStart(3)} (${lh.performanceRange.join("–")})  LCP ${lh.lcpMs} ms  TBT ${lh.tbtMs} ms  CLS ${lh.cls}  a11y ${lh.accessibility}  bp ${lh.bestPractices}  seo ${lh.seo}  legacy JS ${(lh.legacyJsBytes / 1024).toFixed(0)} KiB  unused JS ${(lh.unusedJsBytes / 1024).toFixed(0)} KiB` : ""),
      );
    }
  } finally {
    server.kill();
    rmSync(work, { recursive: true, force: true });
  }
  const targets = {
    [`first-load JS of every public page ≤ ${TARGETS.firstLoadBytes / 1000} kB gzipped`]: pages.every((p) => p.gzipBytes <= TARGETS.firstLoadBytes),
  };
  if (LIGHTHOUSE) {
    const lh = (page) => pages.find((p) => p.page === page).lighthouse;
    targets[`Lighthouse performance ≥ ${TARGETS.performanceHome} on /`] = lh("/").performance >= TARGETS.performanceHome;
    targets[`Lighthouse performance ≥ ${TARGETS.performanceForms} on every /report/* page`] = pages.filter((p) => p.page.startsWith("/report/")).every((p) => p.lighthouse.performance >= TARGETS.performanceForms);
    targets[`Total Blocking Time ≤ ${TARGETS.totalBlockingTimeMs} ms on every public page`] = pages.every((p) => p.lighthouse.tbtMs <= TARGETS.totalBlockingTimeMs);
    targets["accessibility, best practices and SEO at 100 on every public page"] = pages.every((p) => p.lighthouse.accessibility === 100 && p.lighthouse.bestPractices === 100 && p.lighthouse.seo === 100);
  }
  console.log("\n Targets:");
  for (const [name, met] of Object.entries(targets)) console.log(`  ${met ? "met   " : "MISSED"}  ${name}`);
  return {
    measuredAt: new Date().toISOString(),
    method: {
      firstLoad: "every script the page's HTML loads (src and preload href under /_next/static), gzip level 9; noModule polyfills left out",
      lighthouse: LIGHTHOUSE ? `lighthouse ${LIGHTHOUSE_VERSION}, Debian Chromium headless, mobile form factor, simulated throttling (slow 4G, 4× CPU), median of ${RUNS} runs by performance score, against the production build on this machine` : "not run (--no-lighthouse)",
    },
    pages,
    targets,
  };
}

/** Puts the pages' figures into bench/results/latest.json, beside the intake rows. */
export function recordPages(result) {
  const file = path.join(root, "bench", "results", "latest.json");
  const latest = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  latest.pages = { ...result, commit: spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).stdout.trim() || null };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(latest, null, 2)}\n`);
  console.log("\n Written to bench/results/latest.json (pages)");
}

if (import.meta.url === `file://${process.argv[1]}`) recordPages(await measurePages());
