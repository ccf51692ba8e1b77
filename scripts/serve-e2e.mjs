#!/usr/bin/env node
// Playwright's web server: the production build over a scratch database and evidence
// folder, created fresh for each run and removed afterwards. With E2E_DATABASE_URL
// (postgresql://…/name) the scratch database is that PostgreSQL database: created here,
// dropped when the server stops.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { dropPostgresDatabase, recreatePostgresDatabase } from "./postgres-admin.mjs";
import { migrate, root, runTs } from "./setup.mjs";

// Fixed, so that tests can reach the same database through the data layer.
const scratch = path.resolve(process.env.E2E_DATA_DIR ?? path.join(root, ".tmp", "e2e"));
rmSync(scratch, { recursive: true, force: true });
mkdirSync(path.join(scratch, "evidence"), { recursive: true });

const env = {
  ...process.env,
  DATABASE_URL: process.env.E2E_DATABASE_URL ?? `file:${path.join(scratch, "portal.db")}`,
  EVIDENCE_DIR: path.join(scratch, "evidence"),
  SECRET_FILE: path.join(scratch, "app-secret"),
  CONTACT_KEY_FILE: path.join(scratch, "contact-key"),
  ADMIN_EMAIL: process.env.E2E_ADMIN_EMAIL ?? "admin@e2e.test",
  ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD ?? "e2e-admin-password-1",
  RATE_LIMIT_SUBMIT: process.env.RATE_LIMIT_SUBMIT ?? "1000/60",
  RATE_LIMIT_LOOKUP: process.env.RATE_LIMIT_LOOKUP ?? "1000/60",
  NEXT_TELEMETRY_DISABLED: "1",
};
const port = process.env.E2E_PORT ?? "3100";
env.NEXTAUTH_URL = `http://127.0.0.1:${port}`;
if (process.env.E2E_DATABASE_URL) await recreatePostgresDatabase(process.env.E2E_DATABASE_URL);
migrate(env);
runTs(path.join("scripts", "prepare.ts"), env);

env.PORT = port;
const server = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], {
  cwd: root,
  env,
  stdio: "inherit",
});
const stop = (signal) => server.kill(signal);
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", async (code) => {
  rmSync(scratch, { recursive: true, force: true });
  if (process.env.E2E_DATABASE_URL) await dropPostgresDatabase(process.env.E2E_DATABASE_URL).catch(() => {});
  process.exit(code ?? 0);
});
