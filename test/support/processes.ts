import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { waitFor } from "@signpost/testkit";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export interface ServiceProcess {
  child: ChildProcess;
  output: () => string;
  /** SIGKILL: no drain, no cleanup, as a crash. */
  crash(): Promise<void>;
  /** SIGTERM and wait for the drain to finish. */
  stop(): Promise<number | null>;
}

/** Starts `services/<name>/src/main.ts` as its own Node process, exactly as production does. */
export function startServiceProcess(name: string, env: Record<string, string>): ServiceProcess {
  const child = spawn(process.execPath, ["--import", "tsx", `services/${name}/src/main.ts`], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  return {
    child,
    output: () => log,
    async crash() {
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      child.kill("SIGTERM");
      return exited;
    },
  };
}

/** Waits until `url`/readyz answers 200. */
export async function waitReady(
  url: string,
  proc?: ServiceProcess,
  timeoutMs = 30_000,
): Promise<void> {
  await waitFor(
    `${url} to be ready${proc ? `; output so far:\n${proc.output()}` : ""}`,
    async () => (await fetch(`${url}/readyz`)).ok,
    timeoutMs,
  );
}
