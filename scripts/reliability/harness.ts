import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

/** A production server of the portal over a scratch SQLite database, for fault tests. */
export const root = path.resolve(import.meta.dirname, "..", "..");

export type Scratch = { dir: string; env: NodeJS.ProcessEnv; port: number; base: string };

export function scratch(port: number, extra: Record<string, string> = {}): Scratch {
  const dir = path.join(root, ".tmp", `reliability-${randomUUID().slice(0, 8)}`);
  mkdirSync(path.join(dir, "evidence"), { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:${path.join(dir, "portal.db")}`,
    EVIDENCE_DIR: path.join(dir, "evidence"),
    SECRET_FILE: path.join(dir, "app-secret"),
    CONTACT_KEY_FILE: path.join(dir, "contact-key"),
    RATE_LIMIT_SUBMIT: "100000/60",
    RATE_LIMIT_LOOKUP: "100000/60",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    PORT: String(port),
    // Restarts sweep every file that no committed report owns: nothing else is writing.
    ORPHAN_GRACE_MS: "0",
    ...extra,
  };
  return { dir, env, port, base: `http://127.0.0.1:${port}` };
}

const live = new Set<ChildProcess>();

/** Kills every server this file started that is still running, and removes the scratch folder. */
export function cleanup(s: Scratch) {
  for (const server of live) server.kill("SIGKILL");
  rmSync(s.dir, { recursive: true, force: true });
}

function run(args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Migrations, then what `npm start` does before serving: WAL, first admin, orphan sweep. */
export function prepare(s: Scratch): string {
  run([path.join(root, "scripts", "migrate.mjs")], s.env);
  return run(["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "prepare.ts")], s.env);
}

/** The portal's server (scripts/server.mjs) on the built app (the tests need `npm run build` first; `npm test` does it). */
export async function startServer(s: Scratch, entry: "next" | "npm-start" = "next"): Promise<ChildProcess> {
  const args =
    entry === "next"
      ? [path.join(root, "scripts", "server.mjs")]
      : [path.join(root, "scripts", "start.mjs")];
  // A server left over from an aborted run would answer instead of ours: refuse to start.
  if (await fetch(`${s.base}/healthz`).then(() => true, () => false)) throw new Error(`port ${s.port} is already in use`);
  const server = spawn(process.execPath, args, { cwd: root, env: s.env, stdio: "ignore", detached: entry === "npm-start" });
  live.add(server);
  server.once("exit", () => live.delete(server));
  await waitReady(s.base);
  return server;
}

/** Waits for GET /readyz to say ready: database reachable, migrations applied, evidence writable. */
export async function waitReady(base: string, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await fetch(`${base}/readyz`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${base} did not start`);
}

export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}
