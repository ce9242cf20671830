import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// One run for the whole workspace. Suites that need Postgres/Redis create their own database and
// queue prefix, so files may run in parallel.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL("..", import.meta.url)),
    include: ["**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**", "**/e2e/**", "**/bench/**", "web/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    reporters: ["default", "./test/support/summary-reporter.ts"],
  },
});
