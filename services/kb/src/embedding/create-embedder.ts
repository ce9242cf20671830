import { storedDimensions, type Embedder } from "./embedder.ts";
import { createLocalEmbedder } from "./local-embedder.ts";
import { createOpenAiEmbedder } from "./openai-embedder.ts";

export interface EmbeddingConfig {
  /** An OpenAI-compatible API base URL; the local model when unset. */
  EMBEDDINGS_URL?: string | undefined;
  EMBEDDINGS_API_KEY?: string | undefined;
  EMBEDDINGS_MODEL?: string | undefined;
}

/**
 * The local model by default (no network, no keys), or any OpenAI-compatible endpoint. Vectors are
 * stored at 512 dimensions, which the remote model is asked to produce.
 */
export function createEmbedder(config: EmbeddingConfig): Embedder {
  if (!config.EMBEDDINGS_URL) return createLocalEmbedder();
  return createOpenAiEmbedder({
    baseUrl: config.EMBEDDINGS_URL,
    apiKey: config.EMBEDDINGS_API_KEY ?? "none",
    model: config.EMBEDDINGS_MODEL ?? "text-embedding-3-small",
    dimensions: storedDimensions,
  });
}
