import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/prisma-pg/client";
import { getEnv } from "./env";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; pragmas?: Promise<void> };

/**
 * SQLite (a file: URL) or PostgreSQL (postgresql://). The two generated clients come from
 * the same models (prisma/postgres/schema.prisma is generated from prisma/schema.prisma),
 * so the PostgreSQL one is used through the SQLite one's type.
 */
function createClient(): PrismaClient {
  const env = getEnv();
  if (env.postgresUrl) {
    // A small pool per instance: many instances share one server's connection limit.
    // A request waits at most 5 s for a connection: with the database down it gets a 503
    // instead of hanging.
    const adapter = new PrismaPg({ connectionString: env.postgresUrl, max: env.DATABASE_POOL_SIZE, connectionTimeoutMillis: 5000 });
    return new PostgresClient({ adapter }) as unknown as PrismaClient;
  }
  // `timeout` is better-sqlite3's busy timeout: a writer waits up to 5 s for the lock.
  const adapter = new PrismaBetterSQLite3({ url: env.databasePath!, timeout: 5000 });
  return new PrismaClient({ adapter });
}

/** The one Prisma client of this process. */
export const db: PrismaClient = (globalForPrisma.prisma ??= createClient());

export const isPostgres = () => getEnv().postgresUrl !== null;

/**
 * SQLite: WAL lets readers run beside the single writer, and survives restarts (it is
 * stored in the file). synchronous stays FULL: an acknowledged report must survive a power
 * cut. PostgreSQL needs nothing here.
 */
export function ensureDatabaseReady(): Promise<void> {
  globalForPrisma.pragmas ??= (async () => {
    if (isPostgres()) return;
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  })();
  return globalForPrisma.pragmas;
}
