import type BetterSqlite3 from "better-sqlite3";

/**
 * Prisma's better-sqlite3 adapter prepares every statement anew
 * (`client.prepare(sql).bind(args)`), and for a report that costs more than running it:
 * SQLite compiles the statement with the triggers that keep the statistics. This keeps the
 * last STATEMENT_CACHE statements by their SQL and hands the adapter a fresh binding of the
 * cached one each time; better-sqlite3 allows `bind` only once per statement, so the
 * binding passes the arguments on each call instead.
 *
 * It relies on the adapter's internals (its `client` field, and the calls above), which no
 * public API offers: statement-cache.test.ts runs real queries through a real adapter
 * and fails on an upgrade that changes them.
 */
export const STATEMENT_CACHE = 256;

/** The better-sqlite3 connection inside a connected adapter; throws when the adapter changed. */
export function sqliteClientOf(adapter: unknown): BetterSqlite3.Database {
  const client = (adapter as { client?: unknown }).client as BetterSqlite3.Database | undefined;
  if (!client || typeof client.prepare !== "function" || typeof client.pragma !== "function") {
    throw new Error("@prisma/adapter-better-sqlite3 no longer exposes its better-sqlite3 client: update lib/server/statement-cache.ts");
  }
  return client;
}

export function cacheStatements(client: BetterSqlite3.Database): void {
  const prepare = client.prepare.bind(client);
  const cache = new Map<string, BetterSqlite3.Statement>();
  const cached = (sql: string) => {
    let statement = cache.get(sql);
    if (statement) {
      cache.delete(sql); // re-inserted below: the Map's order is the recency order
    } else {
      statement = prepare(sql);
      if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, statement);
    return statement;
  };
  client.prepare = ((sql: string) => {
    const statement = cached(sql);
    return {
      run: () => statement.run(), // prepare("BEGIN").run()
      bind: (args: unknown[]) => ({
        reader: statement.reader,
        run: () => statement.run(...args),
        columns: () => statement.columns(),
        raw: () => ({ all: () => statement.raw(true).all(...args) }),
      }),
    };
  }) as unknown as typeof client.prepare;
}
