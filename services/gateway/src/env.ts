import { fileURLToPath } from "node:url";
import { z } from "zod";
import {
  flag,
  httpUrl,
  jwkJson,
  loadConfig,
  logLevel,
  port,
  postgresUrl,
  redisUrl,
} from "@signpost/config";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

const schema = z
  .object({
    PORT: port(3000),
    HOST: z.string().default("0.0.0.0"),
    LOG_LEVEL: logLevel(),
    /** Unset: embedded PGlite under DATA_DIR. */
    DATABASE_URL: postgresUrl().optional(),
    /** Unset: the embedded transport on the database. */
    REDIS_URL: redisUrl().optional(),
    DATA_DIR: z.string().default(`${repoRoot}.data`),
    WEB_DIST: z.string().default(`${repoRoot}web/dist`),
    /** Set all three to front services running as their own processes instead of in this one. */
    TICKET_URL: httpUrl().optional(),
    KB_URL: httpUrl().optional(),
    NOTIFICATION_URL: httpUrl().optional(),
    /** Signs identities for the services; generated per start when the services run in-process. */
    IDENTITY_PRIVATE_KEY: jwkJson().optional(),
    SEED_DEMO: flag(true),
    QUEUE_PREFIX: z
      .string()
      .regex(/^[a-z0-9_-]+$/i, "letters, digits, - and _ only")
      .default("signpost"),
  })
  .superRefine((env, ctx) => {
    const urls = [env.TICKET_URL, env.KB_URL, env.NOTIFICATION_URL].filter(Boolean).length;
    if (urls !== 0 && urls !== 3) {
      ctx.addIssue({
        code: "custom",
        path: ["TICKET_URL"],
        message: "set TICKET_URL, KB_URL and NOTIFICATION_URL together, or none of them",
      });
    }
    if (urls === 3 && !env.IDENTITY_PRIVATE_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["IDENTITY_PRIVATE_KEY"],
        message: "is required when the services run as their own processes",
      });
    }
  });

export type GatewayEnv = z.infer<typeof schema>;

/** The gateway's configuration, read once at start. */
export const loadEnv = (source: Record<string, string | undefined> = process.env) =>
  loadConfig(schema, source);
