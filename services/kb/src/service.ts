import { fileURLToPath } from "node:url";
import { createService, type Service, type ServiceRuntime } from "@signpost/service-kit";
import type { KbDeps } from "./deps.ts";
import type { Drafter } from "./drafts/llm-drafter.ts";
import type { Embedder } from "./embedding/embedder.ts";
import { startIndexer, type Indexer } from "./indexing/indexer.ts";
import { onTicketResolved } from "./indexing/on-ticket-resolved.ts";
import { kbRouter } from "./router.ts";
import { schema } from "./schema.ts";
import { mountDraftStream } from "./drafts/draft-stream-route.ts";
import { corpusStatsCache } from "./suggestions/corpus-stats.ts";
import { queryEmbeddingCache } from "./suggestions/query-embedding-cache.ts";

export interface KbService extends Service {
  /** Indexes everything queued now (tests, the retrieval evaluation, imports). */
  drainIndex(): Promise<number>;
}

/** The knowledge-base service, wired to whatever database, transport and embedder it is given. */
export function createKbService(
  rt: ServiceRuntime,
  opts: { embedder: Embedder; drafter?: Drafter | null },
): KbService {
  let indexer: Indexer | undefined;
  const corpusStats = corpusStatsCache(rt.db);
  // One cache for suggestions and drafts: both embed what people typed.
  const embedQuery = queryEmbeddingCache(opts.embedder);
  const indexerOpts = {
    db: rt.db,
    embedder: opts.embedder,
    logger: rt.logger,
    onIndexed: (workspaceId: string) => corpusStats.invalidate(workspaceId),
  };
  const deps = (kickRelay: () => void): KbDeps => ({
    db: rt.db,
    embedder: opts.embedder,
    drafter: opts.drafter ?? null,
    kickRelay,
    kickIndexer: () => indexer?.kick(),
    corpusStats,
    embedQuery,
  });
  const service = createService(rt, {
    name: "kb",
    schema,
    migrationsDir: fileURLToPath(new URL("../migrations", import.meta.url)),
    router: (kickRelay) => kbRouter(deps(kickRelay)),
    handlers: {
      "ticket.resolved": async (tx, event) => {
        await onTicketResolved(tx, event);
        // Runs after this transaction commits (the indexer reads on its own connection).
        setImmediate(() => indexer?.kick());
      },
    },
    background: () => {
      indexer = startIndexer(indexerOpts);
      return indexer;
    },
    dispose: () => opts.embedder.close(),
    metrics: (m) => m.backlog("indexing", "kb.index_queue", "requested_at"),
  });
  mountDraftStream(
    service.app,
    () => ({ db: rt.db, drafter: opts.drafter ?? null, embedQuery, corpusStats }),
    rt.logger,
  );
  return {
    ...service,
    drainIndex: async () => {
      const idx = indexer ?? startIndexer({ ...indexerOpts, pollMs: 3_600_000 });
      const n = await idx.drain();
      if (!indexer) await idx.stop();
      return n;
    },
  };
}
