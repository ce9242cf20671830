import { fileURLToPath } from "node:url";
import { z } from "zod";
import {
  aiEnvFields,
  attachmentStorageEnvFields,
  checkAttachmentStorageEnv,
  flag,
  httpUrl,
  jwkJson,
  loadConfig,
  logLevel,
  mailEnvFields,
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
    /** Where people reach the web app (links in mail); http://localhost:PORT when unset. */
    PUBLIC_URL: httpUrl().optional(),
    SESSION_TTL_HOURS: z.coerce
      .number({ error: "must be a number" })
      .positive()
      .max(24 * 90)
      .default(168),
    /** The workspace people sign in to when they name none. */
    DEFAULT_WORKSPACE: z.string().default("demo"),
    /** Take the client's IP from X-Forwarded-For (only behind a proxy that sets it). */
    TRUST_PROXY: flag(false),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
    ...aiEnvFields,
    ...mailEnvFields,
    ...attachmentStorageEnvFields,
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    QUEUE_PREFIX: z
      .string()
      .regex(/^[a-z0-9_-]+$/i, "letters, digits, - and _ only")
      .default("signpost"),
    /** Requests a minute on /api per signed-in person and per client address (0: no limit). */
    API_REQUESTS_PER_MINUTE_PER_PERSON: z.coerce.number().int().min(0).default(600),
    API_REQUESTS_PER_MINUTE_PER_IP: z.coerce.number().int().min(0).default(3000),
    /** When set, scrapers must send it as a bearer token to `/metrics` (the public port). */
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  })
  .superRefine((env, ctx) => {
    checkAttachmentStorageEnv(env, ctx);
    const urls = [env.TICKET_URL, env.KB_URL, env.NOTIFICATION_URL].filter(Boolean).length;
    if (urls !== 0 && urls !== 3) {
      ctx.addIssue({
        code: "custom",
        path: ["TICKET_URL"],
        message: "set TICKET_URL, KB_URL and NOTIFICATION_URL together, or none of them",
      });
    }
    if (urls === 3 && !env.DATABASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["DATABASE_URL"],
        message: "is required when the services run as their own processes (it holds identities)",
      });
    }
    if (urls === 3 && !env.REDIS_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["REDIS_URL"],
        message: "is required when the services run as their own processes (it carries events)",
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
