#!/usr/bin/env node
// Writes prisma/postgres/schema.prisma from prisma/schema.prisma: the same models, indexes
// and comments, with the PostgreSQL provider and its own client output. The PostgreSQL
// schema is never edited by hand; `npm run db:generate` rewrites it, and a unit test fails
// when the committed copy has drifted.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function postgresSchema(source) {
  const out = source
    .replace('output          = "../lib/generated/prisma"', 'output          = "../../lib/generated/prisma-pg"')
    .replace('provider = "sqlite"', 'provider = "postgresql"');
  if (out === source || !out.includes("prisma-pg") || !out.includes('"postgresql"')) throw new Error("schema.prisma no longer has the expected generator and datasource blocks");
  return `// GENERATED from prisma/schema.prisma by scripts/postgres-schema.mjs: do not edit.\n${out}`;
}

export const postgresSchemaPath = path.join(root, "prisma", "postgres", "schema.prisma");

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(path.dirname(postgresSchemaPath), { recursive: true });
  writeFileSync(postgresSchemaPath, postgresSchema(readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8")));
  console.log(`Wrote ${path.relative(root, postgresSchemaPath)}`);
}
