import { fileURLToPath } from "node:url";
import { createPgDb, loadSqlMigrations, migrate, type Db } from "@signpost/db";
import {
  createLogger,
  createMetrics,
  identitySigner,
  listen,
  type Logger,
} from "@signpost/service-kit";
import type { JWK } from "jose";
import { seedDemo } from "./demo/seed-demo.ts";
import type { GatewayEnv } from "./env.ts";
import { createGatewayApp, type Upstream } from "./gateway-app.ts";
import { startInProcess } from "./runtime/in-process.ts";
import { remoteUpstreams } from "./runtime/remote.ts";
import type { ServiceName } from "@signpost/contracts";
import {
  createBullmqTransport,
  messagingMigrations,
  startOutboxRelay,
  type Transport,
} from "@signpost/queue";
import { announceExistingDirectory, identityOutboxSchema } from "./identity/announce-directory.ts";

export interface RunningGateway {
  url: string;
  port: number;
  mode: "embedded" | "in-process" | "proxy";
  db: Db;
  stop(): Promise<void>;
}

const migrationsDir = (schema: string) =>
  fileURLToPath(new URL(`../migrations/${schema}`, import.meta.url));

/**
 * Starts Signpost's front door: either with every service in this process (embedded PGlite by
 * default), or in front of services running as their own processes.
 */
export async function startGateway(
  env: GatewayEnv,
  logger: Logger = createLogger("gateway", env.LOG_LEVEL),
): Promise<RunningGateway> {
  const gateway = await boot(env, logger, false);
  if (!gateway) throw new Error("the gateway did not start");
  return gateway;
}

/** Applies every migration this deployment runs (all services' when in-process) and stops. */
export async function migrateOnly(env: GatewayEnv, logger: Logger): Promise<void> {
  await boot(env, logger, true);
}

async function boot(
  env: GatewayEnv,
  logger: Logger,
  migrateOnly: boolean,
): Promise<RunningGateway | undefined> {
  const proxy =
    env.TICKET_URL && env.KB_URL && env.NOTIFICATION_URL
      ? { ticket: env.TICKET_URL, kb: env.KB_URL, notification: env.NOTIFICATION_URL }
      : undefined;
  let upstreams: Record<ServiceName, Upstream>;
  let db: Db;
  let signIdentity: Awaited<ReturnType<typeof identitySigner>>;
  let transport: Transport;
  let stopRuntime = async () => {};
  // One registry per process: in-process services report into the gateway's `/metrics`.
  const metrics = createMetrics();
  if (proxy) {
    upstreams = remoteUpstreams(proxy);
    // The env schema requires DATABASE_URL and REDIS_URL in proxy mode.
    db = createPgDb({ url: env.DATABASE_URL ?? "", applicationName: "signpost-gateway" });
    transport = createBullmqTransport({ redisUrl: env.REDIS_URL ?? "", prefix: env.QUEUE_PREFIX });
    signIdentity = await identitySigner(env.IDENTITY_PRIVATE_KEY as JWK);
    stopRuntime = async () => {
      await transport.close();
      await db.close();
    };
  } else {
    const rt = await startInProcess(env, logger, metrics);
    ({ upstreams, db, signIdentity, transport } = rt);
    stopRuntime = () => rt.stop();
  }
  await migrate(db, "gateway", await loadSqlMigrations(migrationsDir("gateway")));
  await migrate(db, identityOutboxSchema, [
    ...messagingMigrations,
    ...(await loadSqlMigrations(migrationsDir("identity"))),
  ]);
  if (migrateOnly) {
    await stopRuntime();
    return undefined;
  }

  // People and groups reach the services that address or route to them through this outbox.
  const announced = await db.transaction((tx) =>
    announceExistingDirectory(tx, async () => {
      const { rows } = await tx.query(
        `insert into gateway.meta (key, value) values ('directory_announced', now()::text)
         on conflict do nothing returning key`,
      );
      return rows.length > 0;
    }),
  );
  if (announced > 0) logger.info({ announced }, "existing directory announced to the services");
  const relay = startOutboxRelay({ db, schema: identityOutboxSchema, transport, logger });
  const stopServices = stopRuntime;
  stopRuntime = async () => {
    await relay.stop();
    await stopServices();
  };

  if (env.SEED_DEMO) await seedDemo({ db, upstreams, signIdentity, logger });
  const app = createGatewayApp({
    upstreams,
    webDist: env.WEB_DIST,
    logger,
    signIdentity,
    trustProxy: env.TRUST_PROXY,
    metrics,
    metricsToken: env.METRICS_TOKEN,
    requestLimits: {
      perPerson: env.API_REQUESTS_PER_MINUTE_PER_PERSON,
      perIp: env.API_REQUESTS_PER_MINUTE_PER_IP,
      windowSeconds: 60,
      store: env.DATABASE_URL ? "database" : "memory",
    },
    identity: {
      db,
      logger,
      publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
      sessionTtlSeconds: env.SESSION_TTL_HOURS * 3600,
      defaultWorkspace: env.DEFAULT_WORKSPACE,
      logLinks: env.NODE_ENV !== "production",
      loginLimits: { freeFailures: 3, maxFailures: env.LOGIN_MAX_FAILURES, windowSeconds: 15 * 60 },
    },
  });
  const server = await listen(app, env.PORT, env.HOST);
  return {
    url: `http://localhost:${server.port}`,
    port: server.port,
    mode: proxy ? "proxy" : env.DATABASE_URL ? "in-process" : "embedded",
    db,
    async stop() {
      await server.close();
      await stopRuntime();
    },
  };
}
