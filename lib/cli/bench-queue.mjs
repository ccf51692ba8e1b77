#!/usr/bin/env node
// `npm run bench:queue [-- N]`: seeds N reports (default 100,000) into a scratch database,
// serves the production build on it, signs a moderator in, and prints the server time of
// the queue page for its common views (p50 and p95 over repeated requests).
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { hash } from "@node-rs/argon2";
import { ensureBuild, migrate, root } from "./setup.mjs";

const count = Number(process.argv[2] ?? 100_000);
const port = 3190;
const dir = path.join(root, ".tmp", "bench-queue");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const env = {
  ...process.env,
  DATABASE_URL: `file:${path.join(dir, "portal.db")}`,
  EVIDENCE_DIR: path.join(dir, "evidence"),
  SECRET_FILE: path.join(dir, "app-secret"),
  NEXT_TELEMETRY_DISABLED: "1",
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
};

ensureBuild();
migrate(env);
spawnSync(process.execPath, [path.join(root, "lib", "cli", "seed-bulk.mjs"), String(count)], { env, stdio: "inherit" });
const db = new Database(path.join(dir, "portal.db"));
const stamp = new Date().toISOString().replace("Z", "+00:00");
db.prepare(`INSERT INTO "User" (id, email, name, role, passwordHash, active, mustChangePassword, createdAt, updatedAt)
  VALUES ('bench', 'bench@bench.test', 'Bench', 'MODERATOR', ?, 1, 0, ?, ?)`).run(
  await hash("bench-password-123", { memoryCost: 19_456, timeCost: 2, parallelism: 1 }), stamp, stamp);
db.close();

const server = spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)], { cwd: root, env, stdio: "ignore" });
const base = `http://127.0.0.1:${port}`;
try {
  for (let i = 0; ; i++) {
    if (await fetch(`${base}/api/v1/categories`).then((r) => r.ok, () => false)) break;
    if (i > 100) throw new Error("the server did not start");
    await new Promise((r) => setTimeout(r, 300));
  }
  // Sign in through next-auth's credentials endpoint, as the login form does.
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = await csrf.json();
  const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email: "bench@bench.test", password: "bench-password-123", json: "true" }),
  });
  const cookie = [csrfCookie, ...signIn.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");

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
  };
  console.log(`\nQueue page server time with ${count.toLocaleString("en")} reports (30 requests each, after 3 warm-ups):`);
  for (const [name, url] of Object.entries(views)) {
    for (let i = 0; i < 3; i++) await time(url);
    const ms = [];
    for (let i = 0; i < 30; i++) ms.push((await time(url)).ms);
    ms.sort((a, b) => a - b);
    console.log(`  ${name.padEnd(32)} p50 ${ms[14].toFixed(0).padStart(4)} ms   p95 ${ms[28].toFixed(0).padStart(4)} ms`);
  }
} finally {
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
