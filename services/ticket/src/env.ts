import { loadConfig, standaloneServiceEnv } from "@signpost/config";

/** The ticket service's configuration when it runs as its own process. */
export const loadEnv = () => loadConfig(standaloneServiceEnv(4001), process.env);
