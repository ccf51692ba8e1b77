// Shared by the benchmarks: a production server on a scratch database, and a signed-in
// staff session against it.
import { spawn } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { hash } from "@node-rs/argon2";
import { root } from "./setup.mjs";

export function scratchEnv(dir, port) {
  return {
    ...process.env,
    DATABASE_URL: `file:${path.join(dir, "portal.db")}`,
    EVIDENCE_DIR: path.join(dir, "evidence"),
    SECRET_FILE: path.join(dir, "app-secret"),
    CONTACT_KEY_FILE: path.join(dir, "contact-key"),
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  };
}

/** Adds a staff account that can sign in with `password`. */
export async function addStaff(dir, { id, email, role, password }) {
  const db = new Database(path.join(dir, "portal.db"));
  const stamp = new Date().toISOString().replace("Z", "+00:00");
  db.prepare(`INSERT OR REPLACE INTO "User" (id, email, name, role, passwordHash, active, mustChangePassword, createdAt, updatedAt)
    VALUES (?, ?, ?, ?, ?, 1, 0, ?, ?)`).run(id, email, id, role,
    await hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 }), stamp, stamp);
  db.close();
}

/** Starts the portal's server (scripts/server.mjs) on the built app and waits until it answers. */
export async function startServer(env, port, { stdio = "ignore" } = {}) {
  const server = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")],
    { cwd: root, env: { ...env, PORT: String(port) }, stdio });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (await fetch(`${base}/api/v1/categories`).then((r) => r.ok, () => false)) break;
    if (i > 100) {
      server.kill();
      throw new Error("the server did not start");
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { server, base };
}

/** Signs in through next-auth's credentials endpoint, as the login form does; returns the cookie header. */
export async function signIn(base, email, password) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = await csrf.json();
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  return [csrfCookie, ...response.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
}

/** p50 and p95 of a list of milliseconds. */
export function percentiles(ms) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  return { p50: at(0.5), p95: at(0.95) };
}
