#!/usr/bin/env node
// Indexes for free-text search the reports that have no search row yet: those stored before
// the search migration (20261201210000_report_search), whose tokens SQL cannot compute.
// Run by `npm run db:migrate` (setup.mjs) after the migrations, on SQLite or PostgreSQL.
// Linear: one pass over the reports in id order, 2,000 at a time; safe to interrupt and to
// run while instances take reports (a row written meanwhile is kept, not duplicated).
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { reportSearchText } from "../lib/search/tokens.mjs";
import { sqliteFilePath } from "../lib/server/sqlite-file.mjs";

const BATCH = 2000;

function textOf(report) {
  let details = null;
  try {
    details = JSON.parse(report.details);
  } catch {
    // Not JSON: the description alone.
  }
  return reportSearchText(report.description, details);
}
const root = path.resolve(import.meta.dirname, "..");

async function backfillPostgres(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let done = 0;
  try {
    const [{ reports, searchable }] = (await client.query(`SELECT (SELECT COUNT(*) FROM "Report")::int AS reports, (SELECT COUNT(*) FROM "ReportSearch")::int AS searchable`)).rows;
    if (reports === searchable) return 0;
    for (let after = ""; ; ) {
      const { rows } = await client.query(
        `SELECT r."id", r."description", r."details" FROM "Report" r WHERE r."id" > $1
           AND NOT EXISTS (SELECT 1 FROM "ReportSearch" s WHERE s."reportId" = r."id") ORDER BY r."id" LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) break;
      const values = rows.map((_, i) => `($${2 * i + 1}, $${2 * i + 2})`).join(", ");
      await client.query(`INSERT INTO "ReportSearch" ("reportId", "text") VALUES ${values} ON CONFLICT ("reportId") DO NOTHING`, rows.flatMap((r) => [r.id, textOf(r)]));
      done += rows.length;
      after = rows[rows.length - 1].id;
    }
  } finally {
    await client.end();
  }
  return done;
}

function backfillSqlite(url) {
  const db = new Database(sqliteFilePath(url, root));
  db.pragma("busy_timeout = 5000");
  let done = 0;
  try {
    const { reports, searchable } = db.prepare(`SELECT (SELECT COUNT(*) FROM "Report") AS reports, (SELECT COUNT(*) FROM "ReportSearch") AS searchable`).get();
    if (reports === searchable) return 0;
    const select = db.prepare(`SELECT r."id", r."description", r."details" FROM "Report" r WHERE r."id" > ?
      AND NOT EXISTS (SELECT 1 FROM "ReportSearch" s WHERE s."reportId" = r."id") ORDER BY r."id" LIMIT ${BATCH}`);
    const insert = db.prepare(`INSERT INTO "ReportSearch" ("reportId", "text") VALUES (?, ?) ON CONFLICT ("reportId") DO NOTHING`);
    const write = db.transaction((rows) => {
      for (const r of rows) insert.run(r.id, textOf(r));
    });
    for (let after = ""; ; ) {
      const rows = select.all(after);
      if (rows.length === 0) break;
      write(rows);
      done += rows.length;
      after = rows[rows.length - 1].id;
    }
  } finally {
    db.close();
  }
  return done;
}

export async function backfillSearch(url = process.env.DATABASE_URL ?? "file:./data/portal.db") {
  return /^postgres(ql)?:\/\//.test(url) ? backfillPostgres(url) : backfillSqlite(url);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const done = await backfillSearch();
  if (done > 0) console.log(`• Indexed ${done.toLocaleString("en")} earlier reports for search.`);
}
