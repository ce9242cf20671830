import { z } from "zod";
import { httpUrl, loadConfig, standaloneServiceEnv } from "@signpost/config";

/** The KB service's configuration when it runs as its own process. */
export const loadEnv = () =>
  loadConfig(
    standaloneServiceEnv(4002).extend({
      EMBEDDINGS_URL: httpUrl().optional(),
      EMBEDDINGS_API_KEY: z.string().optional(),
      EMBEDDINGS_MODEL: z.string().optional(),
      LLM_URL: httpUrl().optional(),
      LLM_API_KEY: z.string().optional(),
      LLM_MODEL: z.string().optional(),
    }),
    process.env,
  );
