import { z } from "zod";
import {
  attachmentStorageEnvFields,
  checkAttachmentStorageEnv,
  loadConfig,
  standaloneServiceEnv,
} from "@signpost/config";

/** Attachment settings, shared by the standalone process and the gateway's in-process runtime. */
export const attachmentEnvFields = {
  /** Where attachments are stored on local disk (unless ATTACHMENTS_S3_BUCKET is set). */
  ATTACHMENTS_DIR: z.string().min(1).default("./.data/attachments"),
  ATTACHMENT_MAX_BYTES: z.coerce
    .number({ error: "must be a number" })
    .int()
    .positive()
    .default(25 * 1024 * 1024),
  ATTACHMENTS_PER_COMMENT: z.coerce.number({ error: "must be a number" }).int().min(1).default(10),
  ...attachmentStorageEnvFields,
};

/** The ticket service's configuration when it runs as its own process. */
export const loadEnv = () =>
  loadConfig(
    standaloneServiceEnv(4001).extend(attachmentEnvFields).superRefine(checkAttachmentStorageEnv),
    process.env,
  );
