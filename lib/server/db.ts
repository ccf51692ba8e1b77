import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "./env";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; pragmas?: Promise<void> };

function createClient(): PrismaClient {
  // `timeout` is better-sqlite3's busy timeout: a writer waits up to 5 s for the lock.
  const adapter = new PrismaBetterSQLite3({ url: getEnv().databasePath, timeout: 5000 });
  return new PrismaClient({ adapter });
}

/** The one Prisma client of this process. */
export const db: PrismaClient = (globalForPrisma.prisma ??= createClient());

/**
 * WAL lets readers run beside the single writer, and survives restarts (it is stored in
 * the file). synchronous stays FULL: an acknowledged report must survive a power cut.
 */
export function ensureDatabaseReady(): Promise<void> {
  globalForPrisma.pragmas ??= (async () => {
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  })();
  return globalForPrisma.pragmas;
}
