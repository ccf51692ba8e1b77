import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
    scratchRoot: string;
    /** Set when the suite runs on PostgreSQL (TEST_POSTGRES_URL): the template database's name. */
    postgresTemplate: string | null;
  }
}

/**
 * Migrates one template database; every test file starts from a copy of it. With
 * TEST_POSTGRES_URL (a server URL, e.g. postgresql://postgres@127.0.0.1:5432/postgres)
 * the template is a PostgreSQL database, and each test file gets its own database cloned
 * from it; all of them are dropped at the end.
 */
export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, "..", "..", "..");
  mkdirSync(path.join(root, ".tmp"), { recursive: true });
  const scratchRoot = mkdtempSync(path.join(root, ".tmp", "integration-"));
  project.provide("scratchRoot", scratchRoot);
  const server = process.env.TEST_POSTGRES_URL;
  if (server) {
    const prefix = `portal_test_${randomBytes(4).toString("hex")}`;
    const template = `${prefix}_template`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${template}"`);
    const url = new URL(server);
    url.pathname = `/${template}`;
    const result = spawnSync(process.execPath, [path.join(root, "scripts", "postgres-migrate.mjs")], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url.toString() },
      encoding: "utf8",
    });
    if (result.status !== 0) throw new Error(`PostgreSQL migrations failed:\n${result.stdout}\n${result.stderr}`);
    project.provide("postgresTemplate", template);
    project.provide("templateDatabase", "");
    return async () => {
      const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}%`]);
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      await admin.end();
      rmSync(scratchRoot, { recursive: true, force: true });
    };
  }
  const template = path.join(scratchRoot, "template.db");
  const result = spawnSync(process.execPath, [path.join(root, "scripts", "prisma.mjs"), "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${template}` },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
  project.provide("templateDatabase", template);
  project.provide("postgresTemplate", null);
  return () => rmSync(scratchRoot, { recursive: true, force: true });
}
