import type { Embedder } from "../embedding/embedder.ts";

/** Embeds a query text; `settled` answers at once with a vector already made, if there is one. */
export type QueryEmbedder = ((text: string) => Promise<number[]>) & {
  settled?: (text: string) => number[] | undefined;
};

/**
 * Remembers recent query embeddings. People type the same prefixes (and retype after a pause), and
 * an embedding costs tens of milliseconds of CPU, so a hit is worth keeping.
 */
export function queryEmbeddingCache(embedder: Embedder, capacity = 2000): QueryEmbedder {
  const cache = new Map<string, Promise<number[]>>();
  const done = new Map<string, number[]>();
  const keyOf = (text: string) =>
    `${embedder.model}\n${text.trim().toLowerCase().replace(/\s+/g, " ")}`;
  const embed = (text: string): Promise<number[]> => {
    const key = keyOf(text);
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit); // most recently used last
      return hit;
    }
    const made = embedder.embed([text]).then((v) => v[0] ?? []);
    made.then(
      (v) => cache.get(key) === made && done.set(key, v),
      () => cache.delete(key),
    );
    cache.set(key, made);
    if (cache.size > capacity) {
      const oldest = cache.keys().next().value as string;
      cache.delete(oldest);
      done.delete(oldest);
    }
    return made;
  };
  return Object.assign(embed, { settled: (text: string) => done.get(keyOf(text)) });
}
