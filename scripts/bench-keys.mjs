#!/usr/bin/env node
// `npm run bench:keys [-- N]`: how long sealing and rotating N contact blocks takes (default
// 1,000,000), on a scratch SQLite database. N reports with a contact block stored in clear
// (as before sealing) are written with SQL; then `rotateContacts` seals them all, and a
// second run re-seals them under a new key, as `npm run keys -- rotate-contact` would.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { scratchEnv } from "./bench-support.mjs";
import { migrate, root } from "./setup.mjs";

const count = Number(process.argv[2] ?? 1_000_000);
const dir = path.join(root, ".tmp", "bench-keys");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const env = { ...scratchEnv(dir, 3191), LOG_LEVEL: "silent" };
try {
  migrate(env);
  const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "bench", "contact-rotation.ts"), String(count)], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
