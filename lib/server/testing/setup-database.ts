import { copyFileSync, mkdirSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { inject } from "vitest";

// Each test file gets its own database, evidence folder and secret, before any module
// reads the environment.
const dir = path.join(inject("scratchRoot"), randomUUID());
mkdirSync(path.join(dir, "evidence"), { recursive: true });
copyFileSync(inject("templateDatabase"), path.join(dir, "portal.db"));
process.env.DATABASE_URL = `file:${path.join(dir, "portal.db")}`;
process.env.EVIDENCE_DIR = path.join(dir, "evidence");
process.env.SECRET_FILE = path.join(dir, "app-secret");
process.env.RATE_LIMIT_SUBMIT ??= "10000/60";
process.env.RATE_LIMIT_LOOKUP ??= "10000/60";
process.env.LOOKUP_MIN_MS ??= "40";
