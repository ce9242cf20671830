import { loadConfig, standaloneServiceEnv } from "@signpost/config";

/** The notification service's configuration when it runs as its own process. */
export const loadEnv = () => loadConfig(standaloneServiceEnv(4003), process.env);
