import { ConfigError } from "@signpost/config";
import { runStandalone, StartupError } from "@signpost/service-kit";
import { createDrafter } from "./drafts/llm-drafter.ts";
import { createEmbedder } from "./embedding/create-embedder.ts";
import { loadEnv } from "./env.ts";
import { createKbService } from "./service.ts";

try {
  const env = loadEnv();
  await runStandalone(
    "kb",
    env,
    (rt) => createKbService(rt, { embedder: createEmbedder(env), drafter: createDrafter(env) }),
    process.argv.slice(2),
  );
} catch (error) {
  console.error(
    error instanceof ConfigError || error instanceof StartupError ? error.message : error,
  );
  process.exit(1);
}
