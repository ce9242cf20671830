/**
 * The knobs of hybrid retrieval, in one place so the retrieval evaluation can compare settings.
 * Tuned on the development sets for generality (round numbers, no per-set switches).
 */
export const retrievalTuning = {
  /** Share of BM25 in the fused score for a finished question. */
  lexicalWeight: 0.55,
  /** Share of BM25 while a word is still being typed (the vector then misses that word). */
  lexicalWeightTyping: 0.55,
  /** Pseudo-relevance feedback: how many top sources' vectors pull the query vector (0 = off). */
  feedbackSources: 0,
  /** Rocchio's beta: the weight of their mean against the query's own vector. */
  feedbackWeight: 0.5,
  /**
   * How long someone in mid-sentence waits for the vector of the words so far before the one of a
   * word fewer stands in (see `vectorOf` in retrieve.ts).
   */
  staleVectorAfterMs: 15,
};
