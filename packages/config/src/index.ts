export { ConfigError, loadConfig } from "./load-config.ts";
export { flag, httpUrl, logLevel, port, postgresUrl, redisUrl, urlWith } from "./fields.ts";
export { jwkJson, standaloneServiceEnv, type StandaloneServiceEnv } from "./service-env.ts";
export { aiEnvFields } from "./ai-env.ts";
export { mailEnvFields } from "./mail-env.ts";
export {
  attachmentS3Config,
  attachmentStorageEnvFields,
  checkAttachmentStorageEnv,
} from "./attachment-env.ts";
