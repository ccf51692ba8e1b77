import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";

it("seed:bulk refuses a PostgreSQL DATABASE_URL, writing nothing (it made a SQLite file named after the URL)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "seed-bulk-"));
  const result = spawnSync(process.execPath, [path.join(import.meta.dirname, "seed-bulk.mjs"), "10"], {
    cwd: dir,
    env: { ...process.env, DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres" },
    encoding: "utf8",
  });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain("SQLite databases only");
  expect(readdirSync(dir)).toEqual([]);
});
