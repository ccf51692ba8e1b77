#!/usr/bin/env node
// `npm run bench:queue:pg [-- N]`: the grouped queue and free-text search on PostgreSQL with
// N reports (default 1,000,000), in a scratch database on BENCH_POSTGRES_URL (default: the
// local server). It fills the database with SQL (generate_series, triggers off; the grouped
// view's counts computed once, as the migration does), then times the queue's own functions
// (Prisma, as the page calls them): p50 and p95 over 30 runs after 3 warm-ups.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { dropPostgresDatabase, recreatePostgresDatabase } from "./postgres-admin.mjs";
import { migratePostgres } from "./postgres-migrate.mjs";
import { root } from "./setup.mjs";

const count = Number(process.argv[2] ?? 1_000_000);
const server = new URL(process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
server.pathname = `/portal_bench_queue_${process.pid}`;
const url = server.toString();
await recreatePostgresDatabase(url);
try {
  await migratePostgres(url, () => {});
  const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "bench", "queue-postgres.ts"), String(count)], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" },
    stdio: "inherit",
  });
  process.exitCode = run.status ?? 1;
} finally {
  await dropPostgresDatabase(url);
}
