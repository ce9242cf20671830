import { createTRPCClient, httpLink } from "@trpc/client";
import type { TIdentity } from "@signpost/contracts";
import { createPgDb, createPgliteDb, type Db } from "@signpost/db";
import { createEmbeddedTransport, type Transport } from "@signpost/queue";
import {
  createLogger,
  generateIdentityKeys,
  identitySigner,
  identityVerifier,
} from "@signpost/service-kit";
import { freshDatabase } from "@signpost/testkit";
import type { Drafter } from "./drafts/llm-drafter.ts";
import type { Embedder } from "./embedding/embedder.ts";
import type { KbRouter } from "./router.ts";
import { createKbService, type KbService } from "./service.ts";

export interface KbHarness {
  db: Db;
  transport: Transport;
  kb: KbService;
  as(who: TIdentity): ReturnType<typeof createTRPCClient<KbRouter>>;
  /** The gateway-signed token for `who`, for plain HTTP routes. */
  tokenFor(who: TIdentity): Promise<string>;
  /** Indexes everything queued. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

/** A KB service on PGlite or a fresh Postgres database, with typed clients for anyone (tests). */
export async function startKbHarness(
  embedder: Embedder,
  databaseUrl?: string,
  drafter: Drafter | null = null,
): Promise<KbHarness> {
  let db: Db;
  let drop = async () => {};
  if (databaseUrl) {
    const fresh = await freshDatabase(databaseUrl);
    db = createPgDb({ url: fresh.url });
    drop = fresh.drop;
  } else {
    db = await createPgliteDb();
  }
  const transport = await createEmbeddedTransport({ db });
  const keys = await generateIdentityKeys();
  const sign = await identitySigner(keys.privateJwk);
  const kb = createKbService(
    {
      db,
      transport,
      logger: createLogger("kb-test", "warn"),
      verifyIdentity: await identityVerifier(keys.publicJwk),
    },
    { embedder, drafter },
  );
  await kb.migrate();
  kb.start();
  return {
    db,
    transport,
    kb,
    tokenFor: sign,
    as: (who) =>
      createTRPCClient<KbRouter>({
        links: [
          httpLink({
            url: "http://kb/trpc",
            fetch: async (url, init) =>
              kb.app.fetch(new Request(url as string, init as RequestInit)),
            headers: async () => ({ authorization: `Bearer ${await sign(who)}` }),
          }),
        ],
      }),
    settle: async () => {
      while ((await kb.drainIndex()) > 0);
    },
    stop: async () => {
      await kb.stop();
      await transport.close();
      await db.close();
      await drop();
    },
  };
}
