import type { Sql } from "@signpost/db";

export interface CorpusStats {
  /** Chunks in the workspace. */
  n: number;
  /** Their mean length in words. */
  avgdl: number;
}

export interface CorpusStatsCache {
  get(workspaceId: string): Promise<CorpusStats>;
  /** Called by the indexer whenever chunks change. */
  invalidate(workspaceId?: string): void;
}

// Another process's indexer cannot tell this one; statistics move slowly, so a short life is enough.
const maxAgeMs = 30_000;

/**
 * BM25's corpus statistics per workspace, kept between keystrokes: counting 50,000 chunks on
 * every request cost more than the search itself.
 */
export function corpusStatsCache(sql: Sql): CorpusStatsCache {
  const cache = new Map<string, { at: number; stats: Promise<CorpusStats> }>();
  return {
    get(workspaceId) {
      const hit = cache.get(workspaceId);
      if (hit && Date.now() - hit.at < maxAgeMs) return hit.stats;
      const stats = sql
        .query<CorpusStats>(
          `select greatest(count(*), 1)::float8 as n, coalesce(avg(doc_len), 1)::float8 as avgdl
             from kb.chunks where workspace_id = $1`,
          [workspaceId],
        )
        .then((r) => r.rows[0] ?? { n: 1, avgdl: 1 });
      stats.catch(() => cache.delete(workspaceId));
      cache.set(workspaceId, { at: Date.now(), stats });
      return stats;
    },
    invalidate(workspaceId) {
      if (workspaceId) cache.delete(workspaceId);
      else cache.clear();
    },
  };
}
