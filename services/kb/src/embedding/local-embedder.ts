import { Worker } from "node:worker_threads";
import type { Embedder } from "./embedder.ts";

type Reply = { id: number; vectors?: number[][]; error?: string };

/**
 * The default, offline embedder: Universal Sentence Encoder lite (512 dimensions) in a worker
 * thread, so a batch of embeddings never blocks the event loop that serves requests.
 */
export function createLocalEmbedder(): Embedder {
  const worker = new Worker(new URL("./local-embed-worker.mjs", import.meta.url));
  worker.unref();
  const pending = new Map<
    number,
    { resolve: (v: number[][]) => void; reject: (e: Error) => void }
  >();
  let nextId = 0;
  worker.on("message", (reply: Reply) => {
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (!waiter) return;
    if (reply.vectors) waiter.resolve(reply.vectors);
    else waiter.reject(new Error(`local embedding failed: ${reply.error ?? "unknown"}`));
  });
  worker.on("error", (error) => {
    for (const w of pending.values()) w.reject(error);
    pending.clear();
  });
  return {
    model: "use-lite-512",
    dimensions: 512,
    embed(texts) {
      if (texts.length === 0) return Promise.resolve([]);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.ref();
        worker.postMessage({ id, texts });
      }).finally(() => {
        if (pending.size === 0) worker.unref();
      }) as Promise<number[][]>;
    },
    async close() {
      await worker.terminate();
    },
  };
}
