import "server-only";
import { constants } from "node:fs";
import { access, readdir } from "node:fs/promises";
import path from "node:path";
import { db, isPostgres } from "./db";
import { getEnv } from "./env";

/** How long a readiness check may take before it counts as failed. */
const CHECK_TIMEOUT_MS = 2_000;

export type Readiness = { ready: boolean; failing: ("database" | "migrations" | "evidence")[] };

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error("timed out")), CHECK_TIMEOUT_MS).unref()),
  ]);
}

/** The folder of the migrations this build ships for its database. */
const migrationsDir = () => path.join(process.cwd(), "prisma", ...(isPostgres() ? ["postgres", "migrations"] : ["migrations"]));

/** The migrations this build ships, by directory name. */
async function shippedMigrations(dir: string): Promise<string[]> {
  return (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
}

/** The migrations the database has applied (SQLite: Prisma's table; PostgreSQL: scripts/postgres-migrate.mjs's). */
async function appliedMigrations(): Promise<Set<string>> {
  const rows = isPostgres()
    ? await db.$queryRawUnsafe<{ name: string }[]>(`SELECT "name" FROM "_portal_migrations"`)
    : await db.$queryRawUnsafe<{ name: string }[]>(`SELECT "migration_name" AS "name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`);
  return new Set(rows.map((r) => r.name));
}

/**
 * Whether this instance can take traffic (GET /readyz): the database answers, every
 * migration this build ships has been applied to it, and the evidence folder is writable.
 * Says which check failed, and nothing else.
 */
export async function readiness(where: { migrations?: string; evidence?: string } = {}): Promise<Readiness> {
  const failing: Readiness["failing"] = [];
  const [database, migrations, evidence] = await Promise.allSettled([
    withTimeout(db.$queryRawUnsafe("SELECT 1")),
    withTimeout(Promise.all([shippedMigrations(where.migrations ?? migrationsDir()), appliedMigrations()])).then(([shipped, applied]) => {
      if (!shipped.every((name) => applied.has(name))) throw new Error("migrations pending");
    }),
    access(where.evidence ?? getEnv().evidenceDir, constants.W_OK),
  ]);
  if (database.status === "rejected") failing.push("database");
  // With the database down its migrations cannot be read either: that is one failure.
  if (migrations.status === "rejected" && database.status === "fulfilled") failing.push("migrations");
  if (evidence.status === "rejected") failing.push("evidence");
  return { ready: failing.length === 0, failing };
}
