import { httpUrl, loadConfig, mailEnvFields, standaloneServiceEnv } from "@signpost/config";

const schema = standaloneServiceEnv(4003).extend({
  ...mailEnvFields,
  /** Where people reach the web app (links in mail). */
  PUBLIC_URL: httpUrl().default("http://localhost:3000"),
});

/** The notification service's configuration when it runs as its own process. */
export const loadEnv = () => loadConfig(schema, process.env);
