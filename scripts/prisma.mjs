#!/usr/bin/env node
// Runs the Prisma CLI with its native-engine downloads disabled. Prisma 6.19 uses the
// WebAssembly schema engine through the driver adapter in prisma.config.ts, but still
// looks for the native engines; pointing these variables at any existing file stops it
// from trying to download them (see ../shared/TOOLCHAIN.md).
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const stubDir = path.join(root, "node_modules", ".cache", "prisma-stub");
const stubLib = path.join(stubDir, "libquery_engine.so.node");
if (!existsSync(stubLib)) {
  mkdirSync(stubDir, { recursive: true });
  closeSync(openSync(stubLib, "a"));
}

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? stubLib,
  DATABASE_URL: process.env.DATABASE_URL ?? "file:./data/portal.db",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], {
  cwd: root,
  env,
  stdio: "inherit",
});
process.exit(result.status ?? 1);
