import { z } from "zod";
import { flag, httpUrl } from "./fields.ts";

/**
 * Where the ticket service keeps attachments, read by its own process and by the gateway when every
 * service runs in one process. No ATTACHMENTS_S3_BUCKET: local disk (the default).
 */
export const attachmentStorageEnvFields = {
  /** Store attachments in this S3 (or S3-compatible) bucket instead of on local disk. */
  ATTACHMENTS_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be an S3 bucket name")
    .optional(),
  /** An S3-compatible store (MinIO, R2, Ceph, ...); unset: AWS S3. */
  ATTACHMENTS_S3_ENDPOINT: httpUrl().optional(),
  ATTACHMENTS_S3_REGION: z.string().min(1).default("us-east-1"),
  /** Unset (with the secret): the SDK's default credential chain, e.g. an instance role. */
  ATTACHMENTS_S3_ACCESS_KEY_ID: z.string().optional(),
  ATTACHMENTS_S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Address objects as `endpoint/bucket/key` (most self-hosted stores need this). */
  ATTACHMENTS_S3_FORCE_PATH_STYLE: flag(false),
};

type AttachmentStorageEnv = z.infer<z.ZodObject<typeof attachmentStorageEnvFields>>;

/** A key id without its secret (or the reverse) is a mistake to stop on, not to half-use. */
export function checkAttachmentStorageEnv(env: AttachmentStorageEnv, ctx: z.RefinementCtx): void {
  if (!env.ATTACHMENTS_S3_ACCESS_KEY_ID !== !env.ATTACHMENTS_S3_SECRET_ACCESS_KEY) {
    ctx.addIssue({
      code: "custom",
      path: [
        env.ATTACHMENTS_S3_ACCESS_KEY_ID
          ? "ATTACHMENTS_S3_SECRET_ACCESS_KEY"
          : "ATTACHMENTS_S3_ACCESS_KEY_ID",
      ],
      message: "set ATTACHMENTS_S3_ACCESS_KEY_ID and ATTACHMENTS_S3_SECRET_ACCESS_KEY together",
    });
  }
}

/**
 * The S3 settings, or undefined for local disk.
 *
 * @example
 * createTicketService(rt, { attachmentsDir, s3: attachmentS3Config(env) });
 */
export function attachmentS3Config(env: AttachmentStorageEnv) {
  if (!env.ATTACHMENTS_S3_BUCKET) return undefined;
  return {
    bucket: env.ATTACHMENTS_S3_BUCKET,
    endpoint: env.ATTACHMENTS_S3_ENDPOINT,
    region: env.ATTACHMENTS_S3_REGION,
    accessKeyId: env.ATTACHMENTS_S3_ACCESS_KEY_ID,
    secretAccessKey: env.ATTACHMENTS_S3_SECRET_ACCESS_KEY,
    forcePathStyle: env.ATTACHMENTS_S3_FORCE_PATH_STYLE,
  };
}
