import type { StandaloneServiceEnv } from "@signpost/config";
import { createPgDb } from "@signpost/db";
import { createBullmqTransport } from "@signpost/queue";
import { identityVerifier } from "./identity-token.ts";
import { createLogger } from "./logger.ts";
import { listen, onShutdown } from "./serve.ts";
import type { Service, ServiceRuntime } from "./create-service.ts";

/**
 * Runs one service as its own process on Postgres and Redis. `migrate` as the first argument applies
 * migrations and exits (a deploy's migration job); otherwise migrations run on start too.
 */
export async function runStandalone(
  name: string,
  env: StandaloneServiceEnv,
  create: (rt: ServiceRuntime) => Service,
  argv: string[],
): Promise<void> {
  const logger = createLogger(name, env.LOG_LEVEL);
  const db = createPgDb({ url: env.DATABASE_URL, applicationName: `signpost-${name}` });
  const transport = createBullmqTransport({ redisUrl: env.REDIS_URL, prefix: env.QUEUE_PREFIX });
  const roles = new Set(env.SIGNPOST_ROLES);
  const service = create({
    db,
    transport,
    logger,
    verifyIdentity: await identityVerifier(env.IDENTITY_PUBLIC_KEY),
    roles: { relay: roles.has("relay"), consumers: roles.has("consumers") },
  });
  await service.migrate();
  if (argv[0] === "migrate") {
    await Promise.all([transport.close(), db.close()]);
    return;
  }
  service.start();
  const server = roles.has("http") ? await listen(service.app, env.PORT, env.HOST) : undefined;
  logger.info({ port: server?.port, roles: [...roles] }, `${name} service started`);
  onShutdown(logger, async () => {
    await server?.close();
    await service.stop();
    await transport.close();
    await db.close();
  });
}
