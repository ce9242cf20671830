import type { Db } from "@signpost/db";
import { fuseBySource, type FusedSource } from "./fuse.ts";
import { queryTerms } from "./query-terms.ts";
import { searchRepository, type Audience } from "./search-repository.ts";

export interface RetrieveDeps {
  db: Db;
  embedQuery: (text: string) => Promise<number[]>;
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
 * Hybrid retrieval over what `audience` may see: BM25 (the last word as a prefix, near spellings
 * for typos) and vector candidates, fused per article or ticket. Suggestions and drafts share it.
 */
export async function retrieve(
  deps: RetrieveDeps,
  audience: Audience,
  text: string,
): Promise<RetrievedSource[]> {
  // The embedding waits for the terms: it embeds the text with the word being typed completed.
  const terms = await queryTerms(deps.db, audience.workspaceId, text);
  const vector = await deps.embedQuery(terms.embedText);
  const [lexical, semantic] = await Promise.all([
    searchRepository.bm25(deps.db, audience, terms.terms, terms.weights, candidates),
    searchRepository.nearest(deps.db, audience, vector, candidates),
  ]);
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
