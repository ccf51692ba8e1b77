#!/usr/bin/env node
// `npm start`: install what is missing, generate, migrate, create the first admin,
// build, and serve the production build on PORT (default 3000).
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureBuild, ensureDependencies, ensurePrismaClient, migrate, root, runTs } from "./setup.mjs";

ensureDependencies();
ensurePrismaClient();
console.log("• Applying database migrations…");
migrate();
runTs(path.join("scripts", "prepare.ts"));
ensureBuild();

const port = process.env.PORT ?? "3000";
console.log(`• Serving the portal on http://localhost:${port}`);
const server = spawn(
  process.execPath,
  [path.join(root, "scripts", "server.mjs")],
  {
    cwd: root,
    stdio: "inherit",
    // next-auth builds its URLs from NEXTAUTH_URL; a deployment behind a proxy sets its own.
    env: { NEXTAUTH_URL: `http://localhost:${port}`, ...process.env, PORT: port, NEXT_TELEMETRY_DISABLED: "1" },
  },
);
// On SIGTERM, the server stops accepting connections and finishes the requests in flight. A
// request that hangs must not hold the shutdown: after SHUTDOWN_GRACE_MS (default 14 s, so
// that an orchestrator's 15 s deadline is met) the server is killed.
const grace = Number(process.env.SHUTDOWN_GRACE_MS ?? 14_000);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.kill(signal);
    setTimeout(() => server.kill("SIGKILL"), grace).unref();
  });
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
