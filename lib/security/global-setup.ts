import path from "node:path";
import type { TestProject } from "vitest/node";
import { startPortal } from "./harness";

/** One production portal shared by the security test files (lib/security/harness.ts). */
export default async function setup(project: TestProject) {
  const portal = await startPortal();
  project.provide("securityBase", portal.base);
  project.provide("securityLog", path.join(portal.dir, "server.log"));
  return () => portal.stop();
}
