import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";

const url = process.env.DATABASE_URL ?? "file:./data/portal.db";

/**
 * better-sqlite3 runs one statement per prepare(); `migrate dev` sends a whole migration
 * script through executeRaw on the shadow database. Route such multi-statement scripts to
 * executeScript, which uses exec(). See ../shared/TOOLCHAIN.md.
 */
class MigrationAwareSQLite extends PrismaBetterSQLite3 {
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const adapter = await super.connectToShadowDb();
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      if (query.args.length === 0 && query.sql.trim().replace(/;\s*$/, "").includes(";")) {
        await adapter.executeScript(query.sql);
        return 0;
      }
      return executeRaw(query);
    };
    return adapter;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new MigrationAwareSQLite({ url: url.replace(/^file:/, "") });
  },
});
