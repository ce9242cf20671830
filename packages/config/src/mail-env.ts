import { z } from "zod";
import { flag, urlWith } from "./fields.ts";

/**
 * The mail and webhook settings of the notification service, read by its own process and by the
 * gateway when every service runs in one process. No SMTP_URL: mails are kept for the development
 * mailbox instead of being sent.
 */
export const mailEnvFields = {
  SMTP_URL: urlWith("smtp", "smtps").optional(),
  /** The sender of outgoing mail when a workspace has set no support address of its own. */
  MAIL_FROM: z
    .string()
    .trim()
    .pipe(z.email({ error: "must be an email address" }))
    .default("support@signpost.localhost"),
  /** Listen for inbound mail over SMTP on this port (unset: inbound mail only over HTTP). */
  SMTP_INBOUND_PORT: z.coerce
    .number({ error: "must be a number" })
    .int()
    .min(0, "must be between 0 and 65535")
    .max(65535, "must be between 0 and 65535")
    .optional(),
  SMTP_INBOUND_HOST: z.string().default("127.0.0.1"),
  /** Let webhooks target http://127.0.0.1 (development and tests only). */
  WEBHOOKS_ALLOW_LOOPBACK: flag(false),
};
