import { z } from "zod";
import { logLevel, port, postgresUrl, redisUrl } from "./fields.ts";

/** A public JWK given as JSON text (or base64 of it, which survives any shell quoting). */
export const jwkJson = () =>
  z.string().transform((value, ctx) => {
    const text = value.trim().startsWith("{")
      ? value
      : Buffer.from(value, "base64").toString("utf8");
    try {
      const jwk = JSON.parse(text) as unknown;
      if (typeof jwk === "object" && jwk !== null && "kty" in jwk) return jwk as { kty: string };
    } catch {
      // fall through to the issue below
    }
    ctx.addIssue({ code: "custom", message: "must be a JWK as JSON or base64-encoded JSON" });
    return z.NEVER;
  });

const roleList = z
  .string()
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(["http", "relay", "consumers"])).min(1, "must name at least one role"));

/**
 * Variables every standalone service reads (one process per service on Postgres and Redis).
 *
 * @example
 * export const env = loadConfig(standaloneServiceEnv(4001), process.env);
 */
export const standaloneServiceEnv = (defaultPort: number) =>
  z.object({
    DATABASE_URL: postgresUrl(),
    REDIS_URL: redisUrl(),
    PORT: port(defaultPort),
    HOST: z.string().default("0.0.0.0"),
    /** The gateway's public key: the only way a caller's identity is trusted. */
    IDENTITY_PUBLIC_KEY: jwkJson(),
    LOG_LEVEL: logLevel(),
    /** Which parts this replica runs: any of http, relay, consumers. */
    SIGNPOST_ROLES: roleList.default(["http", "relay", "consumers"]),
    QUEUE_PREFIX: z
      .string()
      .regex(/^[a-z0-9_-]+$/i, "letters, digits, - and _ only")
      .default("signpost"),
  });
export type StandaloneServiceEnv = z.infer<ReturnType<typeof standaloneServiceEnv>>;
