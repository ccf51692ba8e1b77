import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { validCrime, validSpam } from "@/lib/validation/fixtures";
// @ts-expect-error: a plain ES module of the CLI, without types
import { dropPostgresDatabase, recreatePostgresDatabase } from "../postgres-admin.mjs";
import { cleanup, prepare, root, scratch, startServer, type Scratch } from "./harness";

/**
 * Backup and restore round trip, on SQLite and (with TEST_POSTGRES_URL) PostgreSQL: the
 * backup is taken while the server runs, the data is then lost, and after the restore every
 * table has the same rows (count and content hash) and every evidence file is back.
 */
const server = process.env.TEST_POSTGRES_URL;

async function fingerprint(s: Scratch): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  const url = s.env.DATABASE_URL!;
  if (url.startsWith("file:")) {
    const db = new Database(url.slice(5), { readonly: true });
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
    for (const { name } of tables) {
      const columns = (db.prepare(`PRAGMA table_info("${name}")`).all() as unknown[]).length;
      const rows = db.prepare(`SELECT * FROM "${name}" ORDER BY ${Array.from({ length: columns }, (_, i) => i + 1).join(", ")}`).all();
      result[name] = `${rows.length}:${createHash("sha256").update(JSON.stringify(rows)).digest("hex").slice(0, 16)}`;
    }
    db.close();
  } else {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows: tables } = await client.query(`SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
    for (const { name } of tables) {
      const { rows: cols } = await client.query(`SELECT COUNT(*)::int AS n FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`, [name]);
      const { rows } = await client.query(`SELECT * FROM "${name}" ORDER BY ${Array.from({ length: cols[0].n }, (_, i) => i + 1).join(", ")}`);
      result[name] = `${rows.length}:${createHash("sha256").update(JSON.stringify(rows)).digest("hex").slice(0, 16)}`;
    }
    await client.end();
  }
  const evidence = path.join(s.dir, "evidence");
  const files = readdirSync(evidence).flatMap((d) => readdirSync(path.join(evidence, d)).map((f) => `${d}/${f}`)).sort();
  result["evidence files"] = `${files.length}:${createHash("sha256").update(files.map((f) => readFileSync(path.join(evidence, f)).toString("base64")).join()).digest("hex").slice(0, 16)}`;
  return result;
}

function npmScript(s: Scratch, script: "backup" | "restore", file: string) {
  const result = spawnSync(process.execPath, [path.join(root, "scripts", "backup.mjs"), script, file], { env: s.env, encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trim();
}

const cases: [string, number, Record<string, string>][] = [["SQLite", 3230, {}]];
if (server) {
  const url = new URL(server);
  url.pathname = `/portal_backup_${randomBytes(4).toString("hex")}`;
  cases.push(["PostgreSQL", 3231, { DATABASE_URL: url.toString() }]);
}

describe.each(cases)("backup and restore on %s", (kind, port, extra) => {
  const s = scratch(port, extra);
  afterAll(async () => {
    cleanup(s);
    if (kind === "PostgreSQL") await dropPostgresDatabase(s.env.DATABASE_URL);
  });

  it("restores identical rows and evidence after the data is lost", { timeout: 300_000 }, async () => {
    if (kind === "PostgreSQL") await recreatePostgresDatabase(s.env.DATABASE_URL);
    prepare(s);
    const app = await startServer(s);
    for (let i = 0; i < 12; i++) {
      const report = { ...(i % 2 ? validSpam() : validCrime()), description: `Backup test report ${i}: details of what happened, for the round trip.` };
      if (i % 3 === 0) {
        const form = new FormData();
        form.set("report", JSON.stringify(report));
        const image = await sharp({ create: { width: 20, height: 20, channels: 3, background: { r: i * 20, g: 10, b: 200 } } }).png().toBuffer();
        form.set("evidence", new Blob([new Uint8Array(image)], { type: "image/png" }), "screenshot.png");
        expect((await fetch(`${s.base}/api/v1/reports`, { method: "POST", body: form })).status).toBe(201);
      } else {
        const response = await fetch(`${s.base}/api/v1/reports`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(report) });
        expect(response.status).toBe(201);
      }
    }
    const file = path.join(s.dir, "backup.tar");
    const said = npmScript(s, "backup", file); // online, while the server runs
    app.kill("SIGTERM");
    await new Promise((r) => app.once("exit", r));
    const before = await fingerprint(s);

    // Lose everything.
    rmSync(path.join(s.dir, "evidence"), { recursive: true, force: true });
    if (kind === "SQLite") for (const suffix of ["", "-wal", "-shm"]) rmSync(path.join(s.dir, `portal.db${suffix}`), { force: true });
    else await recreatePostgresDatabase(s.env.DATABASE_URL);

    const restored = npmScript(s, "restore", file);
    const after = await fingerprint(s);
    console.log(`${kind}: ${said}\n  ${restored}\n  tables and files compared: ${Object.keys(after).length}; ` +
      `Report ${after.Report}, Evidence ${after.Evidence}, evidence files ${after["evidence files"]} (count:content hash)`);
    expect(after).toEqual(before);
    expect(Number(after.Report.split(":")[0])).toBe(12);
    expect(Number(after["evidence files"].split(":")[0])).toBe(4);
  });
});
