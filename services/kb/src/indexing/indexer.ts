import type { Db } from "@signpost/db";
import type { Logger } from "@signpost/service-kit";
import type { Embedder } from "../embedding/embedder.ts";
import { chunkRepository, type ChunkToStore } from "./chunk-repository.ts";
import { indexQueueRepository, type QueuedSource } from "./index-queue-repository.ts";
import { indexRequestRepository } from "./index-request-repository.ts";
import { embeddingText, loadSource, pieceHash, vectorMaker, wordCount } from "./load-source.ts";

export interface Indexer {
  kick(): void;
  /** Indexes everything queued now; resolves with how many sources it processed. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

const batch = 8;

/**
 * Works the index queue off the request path: chunks each source, embeds only chunks whose text
 * (or the model) changed, and swaps the source's chunks in one short transaction. Embedding runs
 * outside any transaction, so the database is never held while the model works.
 */
export function startIndexer(opts: {
  db: Db;
  embedder: Embedder;
  logger: Logger;
  pollMs?: number;
  /** Told after a workspace's chunks changed (cached search statistics go stale). */
  onIndexed?: (workspaceId: string) => void;
}): Indexer {
  const { db, embedder, logger } = opts;
  const maker = vectorMaker(embedder.model);
  let stopped = false;

  async function indexOne(q: QueuedSource) {
    const doc = await loadSource(db, q);
    if (!doc) {
      await db.transaction(async (tx) => {
        await chunkRepository.remove(tx, {
          kind: q.source_kind,
          id: q.source_id,
          workspaceId: q.workspace_id,
        });
        await indexQueueRepository.finish(tx, q);
      });
      return;
    }
    const known = await chunkRepository.vectorsByHash(db, q.source_kind, q.source_id, maker);
    const hashes = doc.pieces.map((p) => pieceHash(p, maker));
    const missing = doc.pieces.filter((_, i) => !known.has(hashes[i] as string));
    const fresh = await embedder.embed(missing.map(embeddingText));
    missing.forEach((p, i) => known.set(pieceHash(p, maker), fresh[i] as number[]));
    const chunks: ChunkToStore[] = doc.pieces.map((p, i) => ({
      ...p,
      ordinal: i,
      contentHash: hashes[i] as string,
      docLen: wordCount(p),
      embedding: known.get(hashes[i] as string) as number[],
      embeddingModel: maker,
    }));
    await db.transaction(async (tx) => {
      await chunkRepository.replace(tx, doc.scope, chunks);
      if (q.source_kind === "ticket") await indexRequestRepository.markIndexed(tx, q.source_id);
      await indexQueueRepository.finish(tx, q);
    });
  }

  async function drainOnce(): Promise<number> {
    let total = 0;
    while (!stopped) {
      const claimed = await indexQueueRepository.claim(db, batch);
      for (const q of claimed) {
        try {
          await indexOne(q);
          opts.onIndexed?.(q.workspace_id);
        } catch (error) {
          // The lease runs out and a later pass retries it.
          logger.warn(
            { err: error, source: q.source_id, kind: q.source_kind },
            "indexing failed; will retry",
          );
        }
      }
      total += claimed.length;
      if (claimed.length < batch) break;
    }
    return total;
  }

  // At most one pass runs and at most one waits behind it: a drain() called mid-pass still sees
  // everything queued before the call.
  let current: Promise<number> | undefined;
  let queued: Promise<number> | undefined;
  function start(): Promise<number> {
    current = drainOnce()
      .catch((error: unknown) => {
        logger.warn({ err: error }, "indexer pass failed");
        return 0;
      })
      .finally(() => {
        current = undefined;
      });
    return current;
  }
  function drain(): Promise<number> {
    if (queued) return queued;
    if (!current) return start();
    queued = current.then(() => {
      queued = undefined;
      return start();
    });
    return queued;
  }

  // Vectors from another model (or of differently made text) are re-embedded in the background.
  void (async () => {
    const stale = await chunkRepository.staleSources(db, maker);
    for (const s of stale) {
      await indexQueueRepository.request(
        db,
        s.source_kind as "article" | "ticket",
        s.source_id,
        s.workspace_id,
      );
    }
    if (stale.length)
      logger.info({ sources: stale.length, model: maker }, "re-embedding for a new model or text");
    void drain();
  })().catch((error: unknown) => logger.warn({ err: error }, "stale-vector scan failed"));

  const timer = setInterval(() => void drain(), opts.pollMs ?? 1000);
  return {
    kick: () => void drain(),
    drain,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
