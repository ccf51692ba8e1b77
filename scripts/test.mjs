#!/usr/bin/env node
// `npm test`: the whole suite, each part printing its runner's own summary.
//   1. vitest: unit tests, and the integration tests on SQLite;
//   2. the integration tests again on PostgreSQL, each file in its own scratch database;
//   3. the reliability tests, short form (scripts/reliability);
//   4. the security tests: attacks replayed against the production build (lib/security);
//   5. Playwright end to end on SQLite, then on a scratch PostgreSQL database.
// PostgreSQL is at TEST_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/postgres).
// Without a reachable server its parts are skipped with a notice, so that `npm test` works
// on a machine with only Node; CI sets REQUIRE_POSTGRES=1 and then they must run.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { dropPostgresDatabase, postgresReachable } from "./postgres-admin.mjs";
import { root } from "./setup.mjs";

const server = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const failures = [];

function step(title, args, env = {}) {
  console.log(`\n━━ ${title} ━━`);
  const result = spawnSync(npx, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) failures.push(title);
}

step("Unit and integration tests (SQLite)", ["vitest", "run", "--project", "unit", "--project", "integration"]);
const postgres = await postgresReachable(server);
if (postgres) {
  step("Integration tests (PostgreSQL)", ["vitest", "run", "--project", "integration"], { TEST_POSTGRES_URL: server });
} else if (process.env.REQUIRE_POSTGRES) {
  console.error(`\nPostgreSQL is not reachable at ${server}, and REQUIRE_POSTGRES is set.`);
  failures.push("PostgreSQL");
} else {
  console.log(`\n• PostgreSQL is not reachable at ${server}: its integration and end-to-end runs are skipped.`);
}
// The short form of the fault tests (5 kills); `npm run test:reliability:full` runs 20.
step("Reliability tests (crash, shutdown, database down, backup)", ["vitest", "run", "--project", "reliability"], postgres ? { TEST_POSTGRES_URL: server } : {});
// Attacks from outside, replayed against the production build (lib/security).
step("Security tests (attacks replayed)", ["vitest", "run", "--project", "security"]);
step("End-to-end tests (SQLite)", ["playwright", "test"]);
if (postgres) {
  const url = new URL(server);
  url.pathname = `/portal_e2e_${randomBytes(4).toString("hex")}`;
  step("End-to-end tests (PostgreSQL)", ["playwright", "test"], { E2E_DATABASE_URL: url.toString() });
  await dropPostgresDatabase(url.toString()); // the web server is killed without time to do it
}
if (failures.length > 0) {
  console.error(`\nFailed: ${failures.join(", ")}`);
  process.exit(1);
}
console.log("\nAll test runs passed.");
