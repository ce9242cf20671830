import type { Db } from "@signpost/db";
import type { CorpusStatsCache } from "./corpus-stats.ts";
import { fuseBySource, type FusedSource } from "./fuse.ts";
import { searchRepository, type Audience } from "./search-repository.ts";
import { splitTyped } from "./split-typed.ts";

export interface RetrieveDeps {
  db: Db;
  embedQuery: (text: string) => Promise<number[]>;
  corpusStats: CorpusStatsCache;
}

// Enough candidates that min-max normalization in fusion sees the long tail, not only the top.
const candidates = 100;
// Below this cosine the local model's neighbours are unrelated text: better nothing than noise.
const minSimilarity = 0.3;

export interface RetrievedSource extends FusedSource {
  /** Whether any of the query's words (or their spellings) occur in the source. */
  lexicalMatch: boolean;
  /** The best cosine similarity of the source's chunks to the query, 0 when none was close. */
  cosine: number;
}

/**
 * What to embed. While a word is being typed the vector is of the words before it, so it stays
 * the same (a cache hit) until the word ends: one embedding per word rather than per keystroke,
 * while the prefix search carries the word being typed. Only the first word is embedded as its
 * likeliest completion, since there is nothing before it.
 */
async function embedTextOf(deps: RetrieveDeps, workspaceId: string, text: string) {
  const { complete, partial } = splitTyped(text);
  if (!partial || complete.trim().length >= 3) return complete;
  if (partial.length < 2) return text;
  const [completion] = await searchRepository.prefixTerms(deps.db, workspaceId, partial, 1);
  return `${complete}${completion ?? partial}`;
}

/**
 * Hybrid retrieval over what `audience` may see: BM25 (the last word as a prefix, near spellings
 * for typos) and vector candidates, fused per article or ticket. Suggestions and drafts share it.
 * The lexical search and the embedding run side by side.
 */
export async function retrieve(
  deps: RetrieveDeps,
  audience: Audience,
  text: string,
): Promise<RetrievedSource[]> {
  const { complete, partial } = splitTyped(text);
  const lexicalSearch = deps.corpusStats
    .get(audience.workspaceId)
    .then((stats) =>
      searchRepository.lexical(deps.db, audience, { complete, partial, stats }, candidates),
    );
  const semanticSearch = embedTextOf(deps, audience.workspaceId, text)
    .then(deps.embedQuery)
    .then((vector) => searchRepository.nearest(deps.db, audience, vector, candidates));
  const [lexical, semantic] = await Promise.all([lexicalSearch, semanticSearch]);
  const related = semantic.filter((h) => h.score >= minSimilarity);
  const lexicalIds = new Set(lexical.map((h) => h.source_id));
  const cosine = new Map<string, number>();
  for (const h of related) cosine.set(h.source_id, Math.max(cosine.get(h.source_id) ?? 0, h.score));
  return fuseBySource(lexical, related).map((s) => ({
    ...s,
    lexicalMatch: lexicalIds.has(s.id),
    cosine: cosine.get(s.id) ?? 0,
  }));
}
