import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Outside Next, server-only modules are allowed: the tests are the server.
      "server-only": path.join(root, "node_modules", "server-only", "empty.js"),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", env: { LOG_LEVEL: "silent" }, include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"], exclude: ["**/*.int.test.ts", "**/*.rel.test.ts", "**/*.sec.test.ts", "**/node_modules/**"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          // METRICS_TOKEN: GET /metrics is on, as in a deployment that scrapes it.
          env: { LOG_LEVEL: "silent", METRICS_TOKEN: "integration-metrics-token" },
          include: ["lib/**/*.int.test.ts"],
          globalSetup: ["lib/server/testing/global-setup.ts"],
          setupFiles: ["lib/server/testing/setup-database.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Fault tests against the production build: `npm run test:reliability`.
        extends: true,
        test: {
          name: "reliability",
          include: ["scripts/reliability/**/*.rel.test.ts"],
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Attacks replayed against the production build: `npm run test:security`.
        extends: true,
        test: {
          name: "security",
          include: ["lib/security/**/*.sec.test.ts"],
          globalSetup: ["lib/security/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
