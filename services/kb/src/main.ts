import { ConfigError } from "@signpost/config";
import { runStandalone } from "@signpost/service-kit";
import { loadEnv } from "./env.ts";
import { createKbService } from "./service.ts";

try {
  await runStandalone("kb", loadEnv(), createKbService, process.argv.slice(2));
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
