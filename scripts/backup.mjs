#!/usr/bin/env node
// `npm run db:backup -- FILE` and `npm run db:restore -- FILE`.
//
// A backup is one tar archive holding the database, the evidence files, and a manifest of
// every evidence row (report, SHA-256, size). The database part is taken online, while the
// portal runs: SQLite's backup API (a consistent snapshot, WAL included), or pg_dump
// (custom format) for PostgreSQL. Evidence is listed from the snapshot, so files written
// after it are not referenced by it.
//
// Restore replaces the database and the evidence folder with the archive's, after checking
// every file against the manifest. Stop the app first (all instances).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

const [command, file] = process.argv.slice(2);
const url = process.env.DATABASE_URL ?? "file:./data/portal.db";
const evidenceDir = path.resolve(process.env.EVIDENCE_DIR ?? "./data/evidence");
const postgres = /^postgres(ql)?:\/\//.test(url);

function run(cmd, args) {
  const result = spawnSync(cmd, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${result.stderr || result.error}`);
  return result.stdout;
}

const sha256 = (f) => createHash("sha256").update(readFileSync(f)).digest("hex");

async function evidenceRows() {
  if (postgres) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(`SELECT "reportId", "sha256", "size" FROM "Evidence" ORDER BY "reportId", "sha256"`);
    await client.end();
    return rows;
  }
  return null;
}

async function backup(target) {
  const work = mkdtempSync(path.join(tmpdir(), "portal-backup-"));
  try {
    let rows;
    if (postgres) {
      // The manifest is read first: evidence rows are only ever added, so every row in it is
      // also in the dump taken right after.
      rows = await evidenceRows();
      run("pg_dump", ["--format=custom", "--no-owner", `--file=${path.join(work, "portal.dump")}`, url]);
    } else {
      const source = new Database(path.resolve(url.replace(/^file:/, "")), { readonly: true });
      await source.backup(path.join(work, "portal.db"));
      source.close();
      const snapshot = new Database(path.join(work, "portal.db"), { readonly: true });
      rows = snapshot.prepare(`SELECT "reportId", "sha256", "size" FROM "Evidence" ORDER BY "reportId", "sha256"`).all();
      snapshot.close();
    }
    mkdirSync(path.join(work, "evidence"));
    for (const row of rows) {
      const from = path.join(evidenceDir, row.reportId, row.sha256);
      if (!existsSync(from) || sha256(from) !== row.sha256) throw new Error(`evidence file missing or changed: ${row.reportId}/${row.sha256}`);
      mkdirSync(path.join(work, "evidence", row.reportId), { recursive: true });
      cpSync(from, path.join(work, "evidence", row.reportId, row.sha256));
    }
    writeFileSync(path.join(work, "manifest.json"), JSON.stringify({ createdAt: new Date().toISOString(), database: postgres ? "postgresql" : "sqlite", evidence: rows }, null, 1));
    run("tar", ["-cf", path.resolve(target), "-C", work, "."]);
    console.log(`Backed up the ${postgres ? "PostgreSQL" : "SQLite"} database and ${rows.length} evidence file(s) to ${target}.`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function restore(source) {
  const work = mkdtempSync(path.join(tmpdir(), "portal-restore-"));
  try {
    run("tar", ["-xf", path.resolve(source), "-C", work]);
    const manifest = JSON.parse(readFileSync(path.join(work, "manifest.json"), "utf8"));
    if (manifest.database !== (postgres ? "postgresql" : "sqlite")) throw new Error(`this backup is of a ${manifest.database} database; DATABASE_URL is not`);
    for (const row of manifest.evidence) {
      const f = path.join(work, "evidence", row.reportId, row.sha256);
      if (!existsSync(f) || sha256(f) !== row.sha256) throw new Error(`the backup is damaged: ${row.reportId}/${row.sha256} does not match its manifest`);
    }
    if (postgres) {
      run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", `--dbname=${url}`, path.join(work, "portal.dump")]);
    } else {
      const target = path.resolve(url.replace(/^file:/, ""));
      mkdirSync(path.dirname(target), { recursive: true });
      for (const suffix of ["", "-wal", "-shm"]) rmSync(target + suffix, { force: true });
      cpSync(path.join(work, "portal.db"), target);
    }
    rmSync(evidenceDir, { recursive: true, force: true });
    mkdirSync(evidenceDir, { recursive: true });
    for (const dir of readdirSync(path.join(work, "evidence"))) cpSync(path.join(work, "evidence", dir), path.join(evidenceDir, dir), { recursive: true });
    console.log(`Restored the database and ${manifest.evidence.length} evidence file(s) from ${source} (taken ${manifest.createdAt}); every file matched the manifest.`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (!file || !["backup", "restore"].includes(command)) {
  console.error("usage: npm run db:backup -- FILE   |   npm run db:restore -- FILE");
  process.exit(2);
}
(command === "backup" ? backup(file) : restore(file)).catch((error) => {
  console.error(error.message);
  process.exit(1);
});
