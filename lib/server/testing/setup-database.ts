import { copyFileSync, mkdirSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";

// Each test file gets its own database, evidence folder and secret, before any module
// reads the environment.
const dir = path.join(inject("scratchRoot"), randomUUID());
mkdirSync(path.join(dir, "evidence"), { recursive: true });
const template = inject("postgresTemplate");
if (template) {
  const server = process.env.TEST_POSTGRES_URL!;
  const name = `${template.replace(/_template$/, "")}_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  process.env.DATABASE_POOL_SIZE ??= "4";
} else {
  copyFileSync(inject("templateDatabase"), path.join(dir, "portal.db"));
  process.env.DATABASE_URL = `file:${path.join(dir, "portal.db")}`;
}
process.env.EVIDENCE_DIR = path.join(dir, "evidence");
process.env.SECRET_FILE = path.join(dir, "app-secret");
process.env.CONTACT_KEY_FILE = path.join(dir, "contact-key");
process.env.RATE_LIMIT_SUBMIT ??= "10000/60";
process.env.RATE_LIMIT_LOOKUP ??= "10000/60";
process.env.LOOKUP_MIN_MS ??= "40";
