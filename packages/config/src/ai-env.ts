import { z } from "zod";
import { httpUrl } from "./fields.ts";

/**
 * The AI switches every deployable that embeds or drafts reads: unset means the local embedding
 * model and extractive drafts; set, any OpenAI-compatible endpoint.
 */
export const aiEnvFields = {
  EMBEDDINGS_URL: httpUrl().optional(),
  EMBEDDINGS_API_KEY: z.string().optional(),
  EMBEDDINGS_MODEL: z.string().optional(),
  LLM_URL: httpUrl().optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_MODEL: z.string().optional(),
};
