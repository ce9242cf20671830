import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The production web build the e2e gateways serve. */
    webDist: string;
  }
}

const webRoot = fileURLToPath(new URL("../../../web/", import.meta.url));

/**
 * Builds the production web app once for the e2e run, into its own directory so a build for
 * `pnpm start` is never swapped out under a running server. The build's first-load budget check
 * runs here too.
 */
export default async function buildWeb(project: TestProject) {
  const outDir = await mkdtemp(join(tmpdir(), "signpost-web-"));
  const vite = join(
    dirname(createRequire(join(webRoot, "package.json")).resolve("vite/package.json")),
    "bin/vite.js",
  );
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [vite, "build", "--outDir", outDir, "--emptyOutDir"], {
      cwd: webRoot,
      // Vitest sets NODE_ENV=test, which would build React's development bundle.
      env: { ...process.env, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stdout.on("data", (d: Buffer) => (log += d.toString()));
    child.stderr.on("data", (d: Buffer) => (log += d.toString()));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve(log) : reject(new Error(`web build failed (${code}):\n${log}`)),
    );
  });
  const budget = output.split("\n").find((l) => l.includes("first-load JavaScript"));
  if (budget) console.log(budget.trim());
  project.provide("webDist", outDir);
  return async () => rm(outDir, { recursive: true, force: true });
}
