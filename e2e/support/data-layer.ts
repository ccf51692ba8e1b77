import { execFileSync } from "node:child_process";
import path from "node:path";

export const E2E_DATA_DIR = path.resolve(process.env.E2E_DATA_DIR ?? ".tmp/e2e");

/** The environment that points a script at the end-to-end server's database. */
export function e2eDataEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: process.env.E2E_DATABASE_URL ?? `file:${path.join(E2E_DATA_DIR, "portal.db")}`,
    EVIDENCE_DIR: path.join(E2E_DATA_DIR, "evidence"),
    SECRET_FILE: path.join(E2E_DATA_DIR, "app-secret"),
    CONTACT_KEY_FILE: path.join(E2E_DATA_DIR, "contact-key"),
  };
}

/** Runs a script of e2e/support against the end-to-end server's database. */
export function runDataScript(script: string, args: string[]): string {
  return execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join("e2e", "support", script), ...args], {
    env: e2eDataEnv(),
    encoding: "utf8",
  });
}

/** Reads one value from the database with a raw query, for assertions. */
export function queryOne(sql: string, ...params: unknown[]): unknown {
  return JSON.parse(runDataScript("query.ts", [sql, JSON.stringify(params)]));
}
