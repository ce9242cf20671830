import type { Embedder } from "../embedding/embedder.ts";

/**
 * Remembers recent query embeddings. People type the same prefixes (and retype after a pause), and
 * an embedding costs tens of milliseconds of CPU, so a hit is worth keeping.
 */
export function queryEmbeddingCache(embedder: Embedder, capacity = 2000) {
  const cache = new Map<string, Promise<number[]>>();
  return (text: string): Promise<number[]> => {
    const key = `${embedder.model}\n${text.trim().toLowerCase().replace(/\s+/g, " ")}`;
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit); // most recently used last
      return hit;
    }
    const made = embedder.embed([text]).then((v) => v[0] ?? []);
    made.catch(() => cache.delete(key));
    cache.set(key, made);
    if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
    return made;
  };
}
