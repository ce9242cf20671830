import { ConfigError } from "@signpost/config";
import { runStandalone, StartupError } from "@signpost/service-kit";
import { loadEnv } from "./env.ts";
import { createTicketService } from "./service.ts";

try {
  await runStandalone("ticket", loadEnv(), createTicketService, process.argv.slice(2));
} catch (error) {
  console.error(
    error instanceof ConfigError || error instanceof StartupError ? error.message : error,
  );
  process.exit(1);
}
