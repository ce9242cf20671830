import { attachmentS3Config, ConfigError } from "@signpost/config";
import { runStandalone, StartupError } from "@signpost/service-kit";
import { loadEnv } from "./env.ts";
import { createTicketService } from "./service.ts";

try {
  const env = loadEnv();
  await runStandalone(
    "ticket",
    env,
    (rt) =>
      createTicketService(rt, {
        attachmentsDir: env.ATTACHMENTS_DIR,
        s3: attachmentS3Config(env),
        attachmentLimits: {
          maxBytes: env.ATTACHMENT_MAX_BYTES,
          maxPerComment: env.ATTACHMENTS_PER_COMMENT,
        },
      }),
    process.argv.slice(2),
  );
} catch (error) {
  console.error(
    error instanceof ConfigError || error instanceof StartupError ? error.message : error,
  );
  process.exit(1);
}
