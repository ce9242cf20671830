import type { Db } from "@signpost/db";
import type { CorpusStatsCache } from "./corpus-stats.ts";
import { withoutFraming } from "../embedding/question-framing.ts";
import { fuseBySource, type FusedSource } from "./fuse.ts";
import { searchRepository, type Audience, type ChunkHit } from "./search-repository.ts";
import type { QueryEmbedder } from "./query-embedding-cache.ts";
import { splitTyped } from "./split-typed.ts";
import { retrievalTuning as tuning } from "./tuning.ts";

export interface RetrieveDeps {
  db: Db;
  embedQuery: QueryEmbedder;
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
 * The vector of `text` without its question framing ("how can I", "is it possible to"): titles
 * are embedded without theirs, so what is left to match is what the question is about. While
 * someone is in mid-sentence (what is embedded ends in a space: they are typing the next word), the
 * vector of the same text a word shorter, if already made, stands in when the new one is not ready
 * within moments: it differs by one word, the prefix search carries the newest words, and the new
 * vector, still being made, serves their next keystrokes. Many people typing at once would
 * otherwise each wait for the model at every word end. A finished question (ending in "?" or "."
 * or a word) always waits for its own vector.
 */
async function vectorOf(embedQuery: QueryEmbedder, text: string): Promise<number[]> {
  const fresh = embedQuery(withoutFraming(text));
  if (!/\s$/.test(text)) return fresh;
  const shorter = embedQuery.settled?.(
    withoutFraming(text.replace(/[\p{L}\p{N}]+[^\p{L}\p{N}]*$/u, "")),
  );
  if (!shorter) return fresh;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), tuning.staleVectorAfterMs);
  });
  const first = await Promise.race([fresh, late]).finally(() => clearTimeout(timer));
  return first ?? shorter;
}

/** Rocchio: the query vector moved towards the mean of the top sources' vectors. */
function withFeedback(query: number[], top: number[][]): number[] {
  const moved = query.map(
    (x, i) =>
      x + (tuning.feedbackWeight * top.reduce((sum, v) => sum + (v[i] ?? 0), 0)) / top.length,
  );
  const norm = Math.hypot(...moved) || 1;
  return moved.map((x) => x / norm);
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
  const lexicalWeight = partial ? tuning.lexicalWeightTyping : tuning.lexicalWeight;
  const lexicalSearch = deps.corpusStats
    .get(audience.workspaceId)
    .then((stats) =>
      searchRepository.lexical(deps.db, audience, { complete, partial, stats }, candidates),
    );
  const semanticSearch = embedTextOf(deps, audience.workspaceId, text)
    .then((t) => vectorOf(deps.embedQuery, t))
    .then(async (vector) => ({
      vector,
      hits: await searchRepository.nearest(deps.db, audience, vector, candidates),
    }));
  const [lexical, semantic] = await Promise.all([lexicalSearch, semanticSearch]);
  const close = semantic.hits.filter((h) => h.score >= minSimilarity);
  let related = close;
  let fused = fuseBySource(lexical, related, lexicalWeight, minSimilarity);
  if (tuning.feedbackSources > 0 && fused.length > 0) {
    const top = fused.slice(0, tuning.feedbackSources).map((s) => s.chunkId);
    const vectors = await searchRepository.vectorsOf(deps.db, top);
    if (vectors.length) {
      const moved = withFeedback(semantic.vector, vectors);
      const hits: ChunkHit[] = await searchRepository.nearest(deps.db, audience, moved, candidates);
      related = hits.filter((h) => h.score >= minSimilarity);
      fused = fuseBySource(lexical, related, lexicalWeight, minSimilarity);
    }
  }
  const lexicalIds = new Set(lexical.map((h) => h.source_id));
  const cosine = new Map<string, number>();
  // Closeness to what was typed, not to the feedback-moved vector (drafts cite on it).
  for (const h of close) cosine.set(h.source_id, Math.max(cosine.get(h.source_id) ?? 0, h.score));
  return fused.map((s) => ({
    ...s,
    lexicalMatch: lexicalIds.has(s.id),
    cosine: cosine.get(s.id) ?? 0,
  }));
}
