#!/usr/bin/env node
// Runs before `npm test`: dependencies, the Prisma client, the production build that the
// end-to-end tests drive, and a Chromium for Playwright.
import { existsSync } from "node:fs";
import { ensureBuild, ensureDependencies, ensurePrismaClient, run } from "./setup.mjs";

ensureDependencies();
ensurePrismaClient();
ensureBuild();

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("• Installing Debian's Chromium for the end-to-end tests…");
    run("apt-get", ["update", "-qq"]);
    run("apt-get", ["install", "-y", "-qq", "chromium"], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  } else {
    console.log("• No system Chromium: using Playwright's own browser.");
    run("npx", ["playwright", "install", "chromium"]);
  }
}
