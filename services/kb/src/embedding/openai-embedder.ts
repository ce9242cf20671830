import OpenAI from "openai";
import type { Embedder } from "./embedder.ts";

/**
 * Any OpenAI-compatible embeddings endpoint (OpenAI, Azure, Ollama, vLLM). The dimension must
 * match the stored vectors; models that can shorten their output are asked to.
 */
export function createOpenAiEmbedder(opts: {
  baseUrl: string;
  apiKey: string;
  model: string;
  dimensions: number;
}): Embedder {
  const client = new OpenAI({
    baseURL: opts.baseUrl,
    apiKey: opts.apiKey,
    maxRetries: 3,
    timeout: 30_000,
  });
  return {
    model: opts.model,
    dimensions: opts.dimensions,
    async embed(texts) {
      if (texts.length === 0) return [];
      const res = await client.embeddings.create({
        model: opts.model,
        input: texts,
        dimensions: opts.dimensions,
      });
      const vectors = [...res.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
      for (const v of vectors) {
        if (v.length !== opts.dimensions) {
          throw new Error(
            `${opts.model} returned ${v.length} dimensions, expected ${opts.dimensions}`,
          );
        }
      }
      return vectors;
    },
    async close() {},
  };
}
