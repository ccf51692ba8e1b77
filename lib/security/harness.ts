import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { inject } from "vitest";

/**
 * Production servers of the portal for the attack replays in lib/security: each over its
 * own scratch SQLite database and evidence folder, started through the same server entry
 * as `npm start` (scripts/server.mjs), with its output kept for tests that read the logs.
 * The build comes first (`npm test` builds; alone: `npm run build`).
 */
export const root = path.resolve(import.meta.dirname, "..", "..");

export const ADMIN = { email: "admin@security.test", password: "security-admin-password-1" };

export type Portal = {
  base: string;
  dir: string;
  env: NodeJS.ProcessEnv;
  /** Everything the server process wrote to stdout and stderr so far. */
  logs(): string;
  stop(): Promise<void>;
};

/** A port nobody listens on now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function run(args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
}

async function waitReady(base: string, child: ChildProcess, logFile: string) {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the portal exited (${child.exitCode}):\n${readFileSync(logFile, "utf8")}`);
    if (await fetch(`${base}/api/v1/categories`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the portal at ${base} did not start:\n${readFileSync(logFile, "utf8")}`);
}

/** Migrates a scratch database, creates the admin, and serves the production build. */
export async function startPortal(extraEnv: Record<string, string> = {}): Promise<Portal> {
  const port = await freePort();
  const dir = path.join(root, ".tmp", `security-${randomUUID().slice(0, 8)}`);
  mkdirSync(path.join(dir, "evidence"), { recursive: true });
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: `file:${path.join(dir, "portal.db")}`,
    EVIDENCE_DIR: path.join(dir, "evidence"),
    SECRET_FILE: path.join(dir, "app-secret"),
    CONTACT_KEY_FILE: path.join(dir, "contact-key"),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    RATE_LIMIT_SUBMIT: "100000/60",
    RATE_LIMIT_LOOKUP: "100000/60",
    NEXTAUTH_URL: base,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    BIND_ADDRESS: "127.0.0.1",
    // The attacks of the other files are not about sign-in, and their admin signs in with a
    // password alone; two-factor.sec.test.ts starts its portals with the default, required.
    STAFF_2FA: "optional",
    ...extraEnv,
  };
  run([path.join(root, "scripts", "migrate.mjs")], env);
  run(["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "prepare.ts")], env);
  const logFile = path.join(dir, "server.log");
  const out = openSync(logFile, "a");
  const child = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], { cwd: root, env, stdio: ["ignore", out, out] });
  closeSync(out);
  await waitReady(base, child, logFile);
  return {
    base,
    dir,
    env,
    logs: () => readFileSync(logFile, "utf8"),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGKILL");
        await gone;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new partner API key for the batch endpoint, made by `npm run partner -- create`. */
export function partnerKey(env: NodeJS.ProcessEnv, name = "Security test partner"): string {
  const result = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "partner.ts"), "create", "--name", name],
    { cwd: root, env, encoding: "utf8" },
  );
  const key = result.stdout.split("\n").map((line) => line.trim()).find((line) => /^rpk_/.test(line));
  if (result.status !== 0 || !key) throw new Error(`npm run partner -- create failed:\n${result.stdout}\n${result.stderr}`);
  return key;
}

declare module "vitest" {
  export interface ProvidedContext {
    securityBase: string;
    securityLog: string;
  }
}

/** The portal that the project's global setup started for every test file to share. */
export function sharedPortal(): { base: string; logs(): string } {
  const log = inject("securityLog");
  return { base: inject("securityBase"), logs: () => readFileSync(log, "utf8") };
}
