import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadEnv } from "@signpost/gateway";
import { freshDatabase, uniqueSuffix, type Infra } from "@signpost/testkit";

/** Environment for a gateway run in one mode, and how to clean up after it. */
export interface RunMode {
  env: Record<string, string>;
  cleanup: () => Promise<void>;
}

/** Embedded: PGlite in a fresh temporary data directory and the in-process queue. */
export async function embeddedMode(): Promise<RunMode> {
  const dir = await mkdtemp(join(tmpdir(), "signpost-"));
  return { env: { DATA_DIR: dir }, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Real infrastructure: a fresh Postgres database and a fresh BullMQ prefix on Redis. */
export async function postgresMode(infra: Infra): Promise<RunMode> {
  const fresh = await freshDatabase(infra.databaseUrl);
  return {
    env: { DATABASE_URL: fresh.url, REDIS_URL: infra.redisUrl, QUEUE_PREFIX: `t${uniqueSuffix()}` },
    cleanup: fresh.drop,
  };
}

/** A gateway's configuration for tests: any free port, quiet logs, no demo data, no web build. */
export const testGatewayEnv = (overrides: Record<string, string>) =>
  loadEnv({
    PORT: "0",
    LOG_LEVEL: "warn",
    SEED_DEMO: "false",
    WEB_DIST: "/nonexistent",
    ...overrides,
  });
