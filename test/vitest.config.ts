import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// One run for the whole workspace. Suites that need Postgres/Redis create their own database and
// queue prefix, so files may run in parallel.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL("..", import.meta.url)),
    testTimeout: 30_000,
    // Suites start whole products (PGlite, every migration, the embedding model) in their hooks.
    hookTimeout: 120_000,
    maxWorkers: 2,
    reporters: ["default", "./test/support/summary-reporter.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "system",
          include: ["**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/dist/**", "**/e2e/**", "**/bench/**", "web/**"],
        },
      },
      {
        // Real Chromium against a real gateway serving the production web build.
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.e2e.test.ts"],
          globalSetup: ["test/e2e/support/build-web.ts"],
          // A journey waits on indexing and live updates while the system suites load both cores.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
