// Shared steps of `npm start` and `npm test`, with Node's standard library only, since
// they run before the dependencies are installed.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { makeDatabasePrivate, sqliteFilePath } from "../lib/server/sqlite-file.mjs";

export const root = path.resolve(import.meta.dirname, "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  if (result.status !== 0) {
    console.error(`\n✗ ${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

const at = (...parts) => path.join(root, ...parts);
const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

/** The newest modification time of any file under `dir`, skipping generated folders. */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let latest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

/** npm ci on a fresh clone; npm install when package-lock.json changed since. */
export function ensureDependencies() {
  const installed = at("node_modules", ".package-lock.json");
  if (!existsSync(installed)) {
    console.log("• Installing dependencies (the first time compiles better-sqlite3: 2–3 minutes)…");
    run(npm, ["ci", "--no-audit", "--no-fund"]);
  } else if (mtime(at("package-lock.json")) > mtime(installed)) {
    console.log("• Updating dependencies…");
    run(npm, ["install", "--no-audit", "--no-fund"]);
  }
}

/** Both clients, SQLite's and PostgreSQL's, from the one schema (postgres-schema.mjs). */
export function ensurePrismaClient() {
  const schema = mtime(at("prisma", "schema.prisma"));
  if (mtime(at("lib", "generated", "prisma", "client.ts")) < schema || mtime(at("lib", "generated", "prisma-pg", "client.ts")) < schema) {
    console.log("• Generating the Prisma clients…");
    run(process.execPath, [at("scripts", "prisma.mjs"), "generate"]);
    run(process.execPath, [at("scripts", "postgres-schema.mjs")]);
    run(process.execPath, [at("scripts", "prisma.mjs"), "generate", "--schema", at("prisma", "postgres", "schema.prisma")]);
  }
}

export const isPostgres = (url) => /^postgres(ql)?:\/\//.test(url ?? "");

/** Applies the migrations of the database at DATABASE_URL: SQLite's with Prisma, PostgreSQL's with postgres-migrate.mjs. */
export function migrate(env = process.env) {
  if (isPostgres(env.DATABASE_URL)) {
    run(process.execPath, [at("scripts", "postgres-migrate.mjs")], { env });
  } else {
    // Created 0600 before Prisma opens it, or it would be created readable by everyone.
    makeDatabasePrivate(sqliteFilePath(env.DATABASE_URL, root));
    run(process.execPath, [at("scripts", "prisma.mjs"), "migrate", "deploy"], { env });
  }
  // Reports stored before free-text search existed get their search rows.
  run(process.execPath, [at("scripts", "search-backfill.mjs")], { env });
}

/** Runs a TypeScript entry point of scripts/ with the server-only modules allowed. */
export function runTs(file, env = process.env) {
  run(process.execPath, ["--conditions=react-server", "--import", "tsx", at(file)], { env });
}

/** Builds the production bundle when it is missing or older than the sources. */
export function ensureBuild() {
  const buildId = at(".next", "BUILD_ID");
  const sources = Math.max(
    ...["app", "components", "lib", "public", "prisma"].map((d) => newest(at(d))),
    ...["next.config.mjs", "package-lock.json", "tsconfig.json"].map((f) => mtime(at(f))),
  );
  if (mtime(buildId) < sources) {
    console.log("• Building the portal…");
    run(process.execPath, [at("node_modules", "next", "dist", "bin", "next"), "build"], {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
  }
}
