import { readFile } from "node:fs/promises";
import { createTRPCClient, httpLink } from "@trpc/client";
import type { TIdentity } from "@signpost/contracts";
import { createPgDb, createPgliteDb, type Db } from "@signpost/db";
import { createKbService, type Embedder, type KbRouter, type KbService } from "@signpost/kb";
import { createEmbeddedTransport, type Transport } from "@signpost/queue";
import {
  createLogger,
  generateIdentityKeys,
  identitySigner,
  identityVerifier,
} from "@signpost/service-kit";
import { freshDatabase } from "@signpost/testkit";

export const readJsonl = async <T>(path: string) =>
  (await readFile(path, "utf8"))
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

export const ms = (v: number) => `${v.toFixed(1)} ms`;

/** A progress bar on stderr, redrawn in place: `label [#####.....] 120/300 rate`. */
export function progressBar(label: string, total: number) {
  const started = performance.now();
  return (done: number, unit = "") => {
    const width = 30;
    const filled = Math.round((Math.min(done, total) / total) * width);
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? ` ${(done / seconds).toFixed(1)} ${unit}/s` : "";
    process.stderr.write(
      `\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}${rate}   `,
    );
    if (done >= total) process.stderr.write("\n");
  };
}

/**
 * A KB service on a fresh database on DATABASE_URL's server (or embedded PGlite), with a typed
 * client for anyone, as the eval and benchmarks use it.
 */
export async function startBenchKb(embedder: Embedder, databaseUrl: string | undefined) {
  let db: Db;
  let drop = async () => {};
  if (databaseUrl) {
    const fresh = await freshDatabase(databaseUrl);
    db = createPgDb({ url: fresh.url });
    drop = fresh.drop;
  } else {
    db = await createPgliteDb();
  }
  const transport: Transport = await createEmbeddedTransport({ db });
  const keys = await generateIdentityKeys();
  const sign = await identitySigner(keys.privateJwk);
  const kb: KbService = createKbService(
    {
      db,
      transport,
      logger: createLogger("bench", "warn"),
      verifyIdentity: await identityVerifier(keys.publicJwk),
    },
    { embedder },
  );
  await kb.migrate();
  const clientAs = (who: TIdentity) =>
    createTRPCClient<KbRouter>({
      links: [
        httpLink({
          url: "http://kb/trpc",
          fetch: async (url, init) => kb.app.fetch(new Request(url as string, init as RequestInit)),
          headers: async () => ({ authorization: `Bearer ${await sign(who)}` }),
        }),
      ],
    });
  return {
    db,
    kb,
    clientAs,
    async stop() {
      await kb.stop();
      await transport.close();
      await db.close();
      await drop();
    },
  };
}
