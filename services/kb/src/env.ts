import { aiEnvFields, loadConfig, standaloneServiceEnv } from "@signpost/config";

/** The KB service's configuration when it runs as its own process. */
export const loadEnv = () =>
  loadConfig(standaloneServiceEnv(4002).extend(aiEnvFields), process.env);
