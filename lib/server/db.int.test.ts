import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/server/env";
import { isPostgres, sqliteAdapter } from "@/lib/server/db";

/**
 * The pragmas must hold on every connection Prisma opens: SQLite forgets them when a
 * connection closes, and better-sqlite3 opens a database that is already in WAL mode with
 * synchronous = NORMAL, as on every restart of the server.
 */
describe.skipIf(isPostgres())("a SQLite connection", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "pragmas-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("to a database already in WAL mode syncs every commit and enforces foreign keys", async () => {
    const file = path.join(dir, "portal.db");
    copyFileSync(getEnv().databasePath!, file);
    const raw = new Database(file);
    raw.pragma("journal_mode = WAL");
    raw.close();

    const client = new PrismaClient({ adapter: sqliteAdapter(file) });
    const pragma = async (name: string) => {
      const [row] = await client.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`);
      return String(Object.values(row)[0]);
    };
    try {
      expect(await pragma("journal_mode")).toBe("wal");
      expect(await pragma("synchronous")).toBe("2"); // FULL; NORMAL is 1
      expect(await pragma("foreign_keys")).toBe("1");
    } finally {
      await client.$disconnect();
    }
  });
});
