#!/usr/bin/env node
// `npm run db:migrate:new -- NAME`: writes the SQL that takes the committed migrations to
// the current schema.prisma into prisma/migrations/<timestamp>_NAME. `prisma migrate dev`
// is not used: with the WebAssembly engine it crashes after writing (see README).
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { root } from "./setup.mjs";

mkdirSync(path.join(root, "data"), { recursive: true }); // the CLI opens the default database
const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:migrate:new -- NAME");
  process.exit(2);
}
const result = spawnSync(
  process.execPath,
  [path.join(root, "scripts", "prisma.mjs"), "migrate", "diff", "--from-migrations", "prisma/migrations",
    "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { cwd: root, encoding: "utf8" },
);
if (result.status !== 0) {
  process.stderr.write(result.stderr);
  process.exit(result.status ?? 1);
}
const sql = result.stdout;
if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
  console.log("The schema matches the migrations: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(root, "prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${path.relative(root, dir)}/migration.sql`);

// PostgreSQL: the same change, diffed from the PostgreSQL schema as last committed to the
// regenerated one (no database needed). Triggers are not in the schema: a change to the
// statistics rollups needs `node --import tsx scripts/stats-rollup-sql.mjs [--postgres]`.
const previous = spawnSync("git", ["show", "HEAD:prisma/postgres/schema.prisma"], { cwd: root, encoding: "utf8" });
spawnSync(process.execPath, [path.join(root, "scripts", "postgres-schema.mjs")], { cwd: root, stdio: "inherit" });
if (previous.status === 0) {
  const before = path.join(root, ".tmp", "previous-postgres-schema.prisma");
  mkdirSync(path.dirname(before), { recursive: true });
  writeFileSync(before, previous.stdout);
  const diff = spawnSync(
    process.execPath,
    [path.join(root, "scripts", "prisma.mjs"), "migrate", "diff", "--from-schema-datamodel", before,
      "--to-schema-datamodel", "prisma/postgres/schema.prisma", "--script"],
    { cwd: root, encoding: "utf8" },
  );
  if (diff.status !== 0) {
    process.stderr.write(diff.stderr);
    process.exit(diff.status ?? 1);
  }
  const pgDir = path.join(root, "prisma", "postgres", "migrations", `${stamp}_${name}`);
  mkdirSync(pgDir, { recursive: true });
  writeFileSync(path.join(pgDir, "migration.sql"), diff.stdout);
  console.log(`Wrote ${path.relative(root, pgDir)}/migration.sql`);
}
