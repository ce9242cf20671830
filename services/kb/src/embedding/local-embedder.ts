import { Worker } from "node:worker_threads";
import type { Embedder } from "./embedder.ts";

type Reply = { id: number; vectors?: number[][]; error?: string };

/**
 * The default, offline embedder: Universal Sentence Encoder lite (512 dimensions) in a worker
 * thread, so a batch of embeddings never blocks the event loop that serves requests.
 */
export function createLocalEmbedder(): Embedder {
  interface Waiter {
    resolve: (v: number[][]) => void;
    reject: (e: Error) => void;
  }
  /** A thread and the embeddings sent to it, which only it can answer. */
  interface Thread {
    worker: Worker;
    pending: Map<number, Waiter>;
  }
  let nextId = 0;
  let closed = false;
  const spawn = (): Thread => {
    const t: Thread = {
      worker: new Worker(new URL("./local-embed-worker.mjs", import.meta.url)),
      pending: new Map(),
    };
    t.worker.unref();
    t.worker.on("message", (reply: Reply) => {
      const waiter = t.pending.get(reply.id);
      t.pending.delete(reply.id);
      if (!waiter) return;
      if (reply.vectors) waiter.resolve(reply.vectors);
      else waiter.reject(new Error(`local embedding failed: ${reply.error ?? "unknown"}`));
    });
    // A thread that fails or ends answers nothing more: what waited on it fails (the indexer
    // tries again later), and the next embedding starts a new thread.
    const gone = (error: Error) => {
      if (thread === t) thread = undefined;
      for (const w of t.pending.values()) w.reject(error);
      t.pending.clear();
    };
    t.worker.on("error", gone);
    t.worker.on("exit", (code) => gone(new Error(`the embedding thread ended (${code})`)));
    return t;
  };
  // Started now, so the model is loaded before the first person types.
  let thread: Thread | undefined = spawn();
  return {
    model: "use-lite-512",
    dimensions: 512,
    embed(texts) {
      if (texts.length === 0) return Promise.resolve([]);
      if (closed) return Promise.reject(new Error("the embedder is closed"));
      const t = (thread ??= spawn());
      const id = nextId++;
      return new Promise((resolve, reject) => {
        t.pending.set(id, { resolve, reject });
        t.worker.ref();
        t.worker.postMessage({ id, texts });
      }).finally(() => {
        if (t.pending.size === 0) t.worker.unref();
      }) as Promise<number[][]>;
    },
    async close() {
      closed = true;
      await thread?.worker.terminate();
    },
  };
}
