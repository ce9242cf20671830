import type { Db } from "@signpost/db";
import type { Drafter } from "./drafts/llm-drafter.ts";
import type { Embedder } from "./embedding/embedder.ts";
import type { CorpusStatsCache } from "./suggestions/corpus-stats.ts";

/** What the KB use-cases need from the outside world. */
export interface KbDeps {
  db: Db;
  embedder: Embedder;
  /** A chat model for drafts; null means extractive drafts. */
  drafter: Drafter | null;
  /** Publish the outbox now rather than at the next poll. */
  kickRelay: () => void;
  /** Start indexing now rather than at the next poll. */
  kickIndexer: () => void;
  /** BM25 statistics per workspace, dropped by the indexer whenever chunks change. */
  corpusStats: CorpusStatsCache;
  /** Embeds what people typed, remembering recent texts (suggestions and drafts share it). */
  embedQuery: (text: string) => Promise<number[]>;
}
