import { ConfigError } from "@signpost/config";
import { createLogger, onShutdown, StartupError } from "@signpost/service-kit";
import { demoPassword, demoPeople } from "./demo/demo-people.ts";
import { loadEnv } from "./env.ts";
import { migrateOnly, startGateway } from "./start-gateway.ts";

try {
  const env = loadEnv();
  const logger = createLogger("gateway", env.LOG_LEVEL);
  if (process.argv[2] === "migrate") {
    await migrateOnly(env, logger);
  } else {
    const gateway = await startGateway(env, logger);
    onShutdown(logger, () => gateway.stop());
    const people = Object.values(demoPeople)
      .map(
        (p) => `  ${p.identity.roles.join("+").padEnd(12)} ${p.email.padEnd(22)} ${demoPassword}`,
      )
      .join("\n");
    console.log(
      `\nSignpost is listening on ${gateway.url} (${gateway.mode} mode)\n` +
        (env.SEED_DEMO ? `Demo logins (workspace "demo"):\n${people}\n` : ""),
    );
  }
} catch (error) {
  console.error(
    error instanceof ConfigError || error instanceof StartupError ? error.message : error,
  );
  process.exit(1);
}
