#!/usr/bin/env node
// `npm run bench:queue [-- N]`: seeds N reports (default 100,000) into a scratch database,
// serves the production build on it, signs a moderator in, and prints the server time of
// the queue page for its common views (p50 and p95 over repeated requests); then times one
// bulk decision on a target with 5,000 open reports.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { addStaff, percentiles, scratchEnv, signIn, startServer } from "./bench-support.mjs";
import { ensureBuild, migrate, root } from "./setup.mjs";

const count = Number(process.argv[2] ?? 100_000);
const port = 3190;
const dir = path.join(root, ".tmp", "bench-queue");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
// The benchmark's moderator signs in with a password alone.
const env = { ...scratchEnv(dir, port), STAFF_2FA: "optional" };

ensureBuild();
migrate(env);
spawnSync(process.execPath, [path.join(root, "scripts", "seed-bulk.mjs"), String(count)], { env, stdio: "inherit" });
await addStaff(dir, { id: "bench", email: "bench@bench.test", role: "MODERATOR", password: "bench-password-123" });
const { server, base } = await startServer(env, port);
try {
  const cookie = await signIn(base, "bench@bench.test", "bench-password-123");

  const time = async (url) => {
    const started = performance.now();
    const response = await fetch(`${base}${url}`, { headers: { cookie }, redirect: "manual" });
    const body = await response.text();
    if (response.status !== 200 || !body.includes("queue")) throw new Error(`${url}: ${response.status}`);
    return { ms: performance.now() - started, body };
  };
  const first = await time("/queue");
  const after = /href="\/queue\?[^"]*after=([^"&]+)/.exec(first.body)?.[1];
  const views = {
    "default (open, by priority)": "/queue",
    "page 2 (keyset cursor)": `/queue?after=${after}`,
    "category + overdue": "/queue?category=spam&sla=breached",
    "urgent band": "/queue?band=urgent",
    "oldest first, any status": "/queue?status=any&sort=oldest",
    "search by URL (any spelling)": `/queue?q=${encodeURIComponent("HTTPS://WAVE.example:443/7#x")}&status=any`,
    "search words, common (诈骗)": `/queue?q=${encodeURIComponent("诈骗")}&status=any`,
    "search words, phrase (冒充快递客服)": `/queue?q=${encodeURIComponent("冒充快递客服")}`,
    "search words, English (romance scam)": `/queue?q=${encodeURIComponent("romance scam")}&status=any`,
    "search words, rare (Synthetic report 777)": `/queue?q=${encodeURIComponent("report 777 about")}&status=any`,
    "search by case number": `/queue?q=${encodeURIComponent(`R-${new Date().getFullYear()}-000050`)}&status=any`,
    "grouped by target": "/queue?view=targets",
  };
  console.log(`\nQueue page server time with ${count.toLocaleString("en")} reports (30 requests each, after 3 warm-ups):`);
  for (const [name, url] of Object.entries(views)) {
    for (let i = 0; i < 3; i++) await time(url);
    const ms = [];
    for (let i = 0; i < 30; i++) ms.push((await time(url)).ms);
    const { p50, p95 } = percentiles(ms);
    console.log(`  ${name.padEnd(32)} p50 ${p50.toFixed(0).padStart(4)} ms   p95 ${p95.toFixed(0).padStart(4)} ms`);
  }
} finally {
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill();
  await exited;
}
try {
  // One bulk decision on a target with 5,000 open reports, on the same database.
  const bulk = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "bench", "bulk-decision.ts"), "5000", "bench@bench.test"], {
    env,
    cwd: root,
    stdio: "inherit",
  });
  if (bulk.status !== 0) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
