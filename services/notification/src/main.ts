import { ConfigError } from "@signpost/config";
import { runStandalone, StartupError } from "@signpost/service-kit";
import { loadEnv } from "./env.ts";
import { createNotificationService } from "./service.ts";

try {
  const env = loadEnv();
  await runStandalone(
    "notification",
    env,
    (rt) =>
      createNotificationService(rt, {
        smtpUrl: env.SMTP_URL,
        mailFrom: env.MAIL_FROM,
        publicUrl: env.PUBLIC_URL,
        inboundSmtp:
          env.SMTP_INBOUND_PORT === undefined
            ? null
            : { port: env.SMTP_INBOUND_PORT, host: env.SMTP_INBOUND_HOST },
        allowLoopbackWebhooks: env.WEBHOOKS_ALLOW_LOOPBACK,
        redisUrl: env.REDIS_URL,
      }),
    process.argv.slice(2),
  );
} catch (error) {
  console.error(
    error instanceof ConfigError || error instanceof StartupError ? error.message : error,
  );
  process.exit(1);
}
