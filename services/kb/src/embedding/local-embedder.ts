import { Worker } from "node:worker_threads";
import type { Embedder } from "./embedder.ts";

type Reply = { id: number; vectors?: number[][]; error?: string };

/**
 * The default, offline embedder: Universal Sentence Encoder lite (512 dimensions) in a worker
 * thread, so a batch of embeddings never blocks the event loop that serves requests.
 */
export function createLocalEmbedder(): Embedder {
  const pending = new Map<
    number,
    { resolve: (v: number[][]) => void; reject: (e: Error) => void }
  >();
  let nextId = 0;
  let closed = false;
  const spawn = () => {
    const w = new Worker(new URL("./local-embed-worker.mjs", import.meta.url));
    w.unref();
    w.on("message", (reply: Reply) => {
      const waiter = pending.get(reply.id);
      pending.delete(reply.id);
      if (!waiter) return;
      if (reply.vectors) waiter.resolve(reply.vectors);
      else waiter.reject(new Error(`local embedding failed: ${reply.error ?? "unknown"}`));
    });
    // A thread that fails or ends answers nothing more: what waited on it fails (the indexer
    // tries again later), and the next embedding starts a new thread.
    const gone = (error: Error) => {
      if (worker === w) worker = undefined;
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    };
    w.on("error", gone);
    w.on("exit", (code) => gone(new Error(`the embedding thread ended (${code})`)));
    return w;
  };
  // Started now, so the model is loaded before the first person types.
  let worker: Worker | undefined = spawn();
  return {
    model: "use-lite-512",
    dimensions: 512,
    embed(texts) {
      if (texts.length === 0) return Promise.resolve([]);
      if (closed) return Promise.reject(new Error("the embedder is closed"));
      const w = (worker ??= spawn());
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.ref();
        w.postMessage({ id, texts });
      }).finally(() => {
        if (pending.size === 0) w.unref();
      }) as Promise<number[][]>;
    },
    async close() {
      closed = true;
      await worker?.terminate();
    },
  };
}
