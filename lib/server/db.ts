import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/prisma-pg/client";
import { getEnv } from "./env";
import { makeDatabasePrivate } from "./sqlite-file.mjs";
import { cacheStatements, sqliteClientOf } from "./statement-cache";

type AdapterFactory = NonNullable<NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"]>;

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/**
 * Set on every SQLite connection as it opens. WAL lets readers run beside the single
 * writer. synchronous must be set: better-sqlite3 is compiled with
 * SQLITE_DEFAULT_WAL_SYNCHRONOUS=1, so a database already in WAL mode opens with NORMAL,
 * whose last commits a power cut may undo; FULL syncs the log on every commit, so an
 * acknowledged report survives one. foreign_keys is off in SQLite unless asked for.
 */
export const SQLITE_PRAGMAS = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";

/**
 * better-sqlite3's adapter factory, with SQLITE_PRAGMAS run on each connection it opens. The
 * file is made private first: a portal started without `npm start` still gets a 0600 file,
 * and one created 0644 by an earlier version is tightened.
 */
export function sqliteAdapter(url: string): AdapterFactory {
  // `timeout` is better-sqlite3's busy timeout: a writer waits up to 5 s for the lock.
  const factory = new PrismaBetterSQLite3({ url, timeout: 5000 });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      makeDatabasePrivate(url);
      const adapter = await factory.connect();
      await adapter.executeScript(SQLITE_PRAGMAS);
      cacheStatements(sqliteClientOf(adapter));
      return adapter;
    },
  };
}

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
  return new PrismaClient({ adapter: sqliteAdapter(env.databasePath!) });
}

/** The one Prisma client of this process. */
export const db: PrismaClient = (globalForPrisma.prisma ??= createClient());

export const isPostgres = () => getEnv().postgresUrl !== null;
