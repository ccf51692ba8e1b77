import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { db, isPostgres } from "@/lib/server/db";

/**
 * On the PostgreSQL run: the database that postgres-migrate.mjs built has the same tables,
 * columns (with nullability) and indexes as a SQLite database built by Prisma's migrate
 * deploy. Together with the whole integration suite passing on both, this is what says the
 * two schemas match model for model.
 */
describe.runIf(isPostgres())("PostgreSQL and SQLite schemas", () => {
  it("have the same tables, columns and indexes", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "parity-"));
    const file = path.join(dir, "portal.db");
    const root = path.resolve(import.meta.dirname, "..", "..");
    const migrated = spawnSync(process.execPath, [path.join(root, "scripts", "prisma.mjs"), "migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `file:${file}` },
      encoding: "utf8",
    });
    expect(migrated.status, migrated.stderr).toBe(0);
    const sqlite = new Database(file, { readonly: true });
    // SQLite's full-text index (an FTS5 virtual table and its shadow tables) is PostgreSQL's
    // GIN expression index on "ReportSearch", which the index list below does not show.
    const virtual = sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`)
      .all()
      .map((r) => (r as { name: string }).name);
    expect(virtual).toEqual(["ReportSearchIndex"]);
    const tables = sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_prisma%' ESCAPE '\\' ORDER BY name`)
      .all()
      .map((r) => (r as { name: string }).name)
      .filter((name) => !virtual.some((v) => name === v || name.startsWith(`${v}_`)));
    const sqliteShape: Record<string, string[]> = {};
    const sqliteIndexes: string[] = [];
    for (const table of tables) {
      sqliteShape[table] = (sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; notnull: number; pk: number }[])
        .map((c) => `${c.name}${c.notnull || c.pk ? "" : "?"}`)
        .sort();
      // An INTEGER PRIMARY KEY is SQLite's rowid itself, with no index of its own; PostgreSQL
      // lists its primary-key index.
      const keys = (sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string; pk: number }[]).filter((c) => c.pk > 0);
      if (keys.length === 1 && keys[0].type.toUpperCase() === "INTEGER") sqliteIndexes.push(`${table}(${keys[0].name})`);
      for (const index of sqlite.prepare(`PRAGMA index_list("${table}")`).all() as { name: string }[]) {
        const columns = (sqlite.prepare(`PRAGMA index_info("${index.name}")`).all() as { name: string }[]).map((c) => c.name);
        sqliteIndexes.push(`${table}(${columns.join(",")})`);
      }
    }
    sqlite.close();
    rmSync(dir, { recursive: true, force: true });

    const columns = await db.$queryRaw<{ table_name: string; column_name: string; is_nullable: string }[]>`
      SELECT table_name::text AS table_name, column_name::text AS column_name, is_nullable::text AS is_nullable FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name NOT LIKE '\\_%' ORDER BY table_name`;
    const postgresShape: Record<string, string[]> = {};
    for (const c of columns) (postgresShape[c.table_name] ??= []).push(`${c.column_name}${c.is_nullable === "YES" ? "?" : ""}`);
    for (const table of Object.keys(postgresShape)) postgresShape[table].sort();
    expect(postgresShape).toEqual(sqliteShape);

    const indexes = await db.$queryRaw<{ t: string; cols: string }[]>`
      SELECT t.relname::text AS t, string_agg(a.attname::text, ',' ORDER BY k.ord) AS cols
      FROM pg_index i
      JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
      JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE t.relname NOT LIKE '\\_%'
      GROUP BY i.indexrelid, t.relname`;
    expect(indexes.map((i) => `${i.t}(${i.cols})`).sort()).toEqual(sqliteIndexes.sort());
  });
});
