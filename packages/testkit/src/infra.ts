import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe } from "vitest";
import { testEnv } from "./env.ts";

export interface Infra {
  databaseUrl: string;
  redisUrl: string;
}

/**
 * `describe` for suites that need real Postgres and Redis. Without DATABASE_URL/REDIS_URL the suite
 * is skipped with the reason printed, except under CI, where a skipped service suite fails.
 */
export function describeWithInfra(name: string, body: (infra: Infra) => void): void {
  const { databaseUrl, redisUrl } = testEnv;
  if (databaseUrl && redisUrl) {
    describe(name, () => body({ databaseUrl, redisUrl }));
    return;
  }
  const missing = [!databaseUrl && "DATABASE_URL", !redisUrl && "REDIS_URL"]
    .filter(Boolean)
    .join(" and ");
  if (testEnv.ci) {
    describe(name, () => {
      throw new Error(`${name}: ${missing} not set; service suites may not be skipped in CI`);
    });
    return;
  }
  console.warn(`SKIPPED "${name}": set ${missing} to run it against real services.`);
  describe.skip(name, () => body({ databaseUrl: "", redisUrl: "" }));
}

/** A short random suffix for names that must not collide between tests (databases, queues). */
export const uniqueSuffix = () => randomBytes(5).toString("hex");

/**
 * Creates an empty database (with pgvector) on the server of `baseUrl` and returns its URL and a
 * function that drops it. Each suite gets its own, so suites never see each other's rows.
 */
export async function freshDatabase(
  baseUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `signpost_test_${uniqueSuffix()}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const fresh = new pg.Client({ connectionString: url.toString() });
  await fresh.connect();
  await fresh.query("create extension if not exists vector");
  await fresh.end();
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
