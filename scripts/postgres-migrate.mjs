#!/usr/bin/env node
// Applies prisma/postgres/migrations to the PostgreSQL database at DATABASE_URL, in name
// order, each in its own transaction, and records them in "_portal_migrations" with a
// checksum. An advisory lock lets several app instances start at once safely.
//
// Why not `prisma migrate deploy`: with Prisma 6.19 and the driver adapters this project
// uses, migrate deploy on PostgreSQL fails ("Column type 'name' could not be deserialized",
// see ../shared/TOOLCHAIN.md). The SQL itself still comes from Prisma (`migrate diff`), and
// the integration suite runs on a database migrated by this script.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = path.join(root, "prisma", "postgres", "migrations");
const LOCK = 0x706f7274616c; // "portal"

export async function migratePostgres(url, log = console.log) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_portal_migrations" (
      "name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const applied = new Map((await client.query(`SELECT "name", "checksum" FROM "_portal_migrations"`)).rows.map((r) => [r.name, r.checksum]));
    const names = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    let count = 0;
    for (const name of names) {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      if (applied.has(name)) {
        if (applied.get(name) !== checksum) throw new Error(`migration ${name} was changed after it was applied`);
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(`INSERT INTO "_portal_migrations" ("name", "checksum") VALUES ($1, $2)`, [name, checksum]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${name} failed: ${error.message}`);
      }
      count++;
      log(`  applied ${name}`);
    }
    log(count === 0 ? "  PostgreSQL schema is up to date." : `  ${count} migration(s) applied.`);
  } finally {
    await client.end();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  migratePostgres(process.env.DATABASE_URL).catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
