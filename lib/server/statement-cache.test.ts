import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { describe, expect, it } from "vitest";
import { cacheStatements, sqliteClientOf } from "./statement-cache";

/**
 * The cache patches the adapter's better-sqlite3 client, which is no public API: these run
 * real queries through a real adapter, so that an upgrade that changes how it prepares,
 * binds, runs or reads statements fails here rather than in production.
 */
describe("the statement cache on Prisma's better-sqlite3 adapter", () => {
  it("prepares each SQL text once, and still writes and reads the right values", async () => {
    const url = `file:${path.join(mkdtempSync(path.join(tmpdir(), "statements-")), "t.db")}`;
    const adapter = await new PrismaBetterSQLite3({ url }).connect();
    const client = sqliteClientOf(adapter);
    let prepared = 0;
    const original = client.prepare.bind(client);
    client.prepare = ((sql: string) => {
      prepared++;
      return original(sql);
    }) as typeof client.prepare;
    cacheStatements(client);

    const int = { scalarType: "int", arity: "scalar" } as const;
    const text = { scalarType: "string", arity: "scalar" } as const;
    await adapter.executeRaw({ sql: "CREATE TABLE t (a INTEGER, b TEXT)", args: [], argTypes: [] });
    for (let i = 0; i < 5; i++) {
      await adapter.executeRaw({ sql: "INSERT INTO t (a, b) VALUES (?, ?)", args: [i, `row ${i}`], argTypes: [int, text] } as never);
    }
    const read = async (min: number) => (await adapter.queryRaw({ sql: "SELECT a, b FROM t WHERE a >= ? ORDER BY a", args: [min], argTypes: [int] } as never)).rows.map(([a, b]) => [Number(a), b]);
    expect(await read(3)).toEqual([[3, "row 3"], [4, "row 4"]]);
    expect(await read(4)).toEqual([[4, "row 4"]]);
    await adapter.startTransaction().then((tx) => tx.rollback());
    // CREATE, INSERT, SELECT, and BEGIN/ROLLBACK as the adapter issues them: each prepared once.
    expect(prepared).toBeLessThanOrEqual(5);
    await adapter.dispose();
  });

  it("says so when the adapter no longer exposes its client", () => {
    expect(() => sqliteClientOf({})).toThrow(/statement-cache\.ts/);
  });
});
