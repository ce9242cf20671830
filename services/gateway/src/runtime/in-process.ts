import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { createDrafter, createEmbedder, createKbService } from "@signpost/kb";
import { createNotificationService } from "@signpost/notification";
import { createTicketService } from "@signpost/ticket";
import { attachmentS3Config } from "@signpost/config";
import { createPgDb, createPgliteDb, type Db } from "@signpost/db";
import { createBullmqTransport, createEmbeddedTransport, type Transport } from "@signpost/queue";
import {
  generateIdentityKeys,
  identitySigner,
  identityVerifier,
  type Logger,
  type Metrics,
  type Service,
} from "@signpost/service-kit";
import type { ServiceName } from "@signpost/contracts";
import type { JWK } from "jose";
import type { GatewayEnv } from "../env.ts";
import type { Upstream } from "../gateway-app.ts";

export interface InProcessRuntime {
  db: Db;
  transport: Transport;
  services: Record<ServiceName, Service>;
  upstreams: Record<ServiceName, Upstream>;
  signIdentity: Awaited<ReturnType<typeof identitySigner>>;
  stop(): Promise<void>;
}

/**
 * All three services in this process: on PGlite and the embedded queue when nothing is configured,
 * on Postgres and/or Redis when their URLs are set.
 */
export async function startInProcess(
  env: GatewayEnv,
  logger: Logger,
  metrics?: Metrics,
): Promise<InProcessRuntime> {
  let db: Db;
  if (env.DATABASE_URL) {
    // Four components share this pool (gateway and three services), so it is larger than one service's.
    db = createPgDb({ url: env.DATABASE_URL, max: 20, applicationName: "signpost-all-in-one" });
  } else {
    await mkdir(env.DATA_DIR, { recursive: true });
    db = await createPgliteDb({ dataDir: join(env.DATA_DIR, "pglite") });
  }
  const transport = env.REDIS_URL
    ? createBullmqTransport({ redisUrl: env.REDIS_URL, prefix: env.QUEUE_PREFIX })
    : await createEmbeddedTransport({ db });

  // Identities never leave this process here, so a key pair per start is enough.
  const keys = env.IDENTITY_PRIVATE_KEY
    ? {
        privateJwk: env.IDENTITY_PRIVATE_KEY as JWK,
        publicJwk: publicPart(env.IDENTITY_PRIVATE_KEY),
      }
    : await generateIdentityKeys();
  const rt = {
    db,
    transport,
    logger,
    metrics,
    verifyIdentity: await identityVerifier(keys.publicJwk),
  };
  const services: Record<ServiceName, Service> = {
    ticket: createTicketService(rt, {
      attachmentsDir: join(env.DATA_DIR, "attachments"),
      s3: attachmentS3Config(env),
    }),
    kb: createKbService(rt, { embedder: createEmbedder(env), drafter: createDrafter(env) }),
    notification: createNotificationService(rt, {
      smtpUrl: env.SMTP_URL,
      mailFrom: env.MAIL_FROM,
      publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
      inboundSmtp:
        env.SMTP_INBOUND_PORT === undefined
          ? null
          : { port: env.SMTP_INBOUND_PORT, host: env.SMTP_INBOUND_HOST },
      // Development and tests may point webhooks at this machine; production may not.
      allowLoopbackWebhooks: env.WEBHOOKS_ALLOW_LOOPBACK || env.NODE_ENV !== "production",
      redisUrl: env.REDIS_URL ?? null,
    }),
  };
  for (const s of Object.values(services)) await s.migrate();
  for (const s of Object.values(services)) s.start();

  const upstreams = Object.fromEntries(
    Object.entries(services).map(([name, s]) => [name, async (r: Request) => s.app.fetch(r)]),
  ) as Record<ServiceName, Upstream>;

  return {
    db,
    transport,
    services,
    upstreams,
    signIdentity: await identitySigner(keys.privateJwk),
    async stop() {
      for (const s of Object.values(services)) await s.stop();
      await transport.close();
      await db.close();
    },
  };
}

/** The public half of an OKP private JWK. */
export function publicPart(jwk: JWK): JWK {
  const { d: _private, ...rest } = jwk;
  return rest;
}
