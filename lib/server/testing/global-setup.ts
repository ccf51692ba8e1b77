import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
    scratchRoot: string;
  }
}

/** Migrates one template database; every test file starts from a copy of it. */
export default function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, "..", "..", "..");
  mkdirSync(path.join(root, ".tmp"), { recursive: true });
  const scratchRoot = mkdtempSync(path.join(root, ".tmp", "integration-"));
  const template = path.join(scratchRoot, "template.db");
  const result = spawnSync(process.execPath, [path.join(root, "lib", "cli", "prisma.mjs"), "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${template}` },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
  project.provide("templateDatabase", template);
  project.provide("scratchRoot", scratchRoot);
  return () => rmSync(scratchRoot, { recursive: true, force: true });
}
