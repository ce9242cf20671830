import type { ChunkHit } from "./search-repository.ts";

export interface FusedSource {
  kind: "article" | "ticket";
  id: string;
  title: string;
  /** The passage that matched best, for the snippet. */
  content: string;
  /** The chunk whose vector stands for the source (the closest in meaning, else the best match). */
  chunkId: string;
  score: number;
}

/**
 * Scales scores to 0..1 by the list's best, from a fixed zero: `floor` is what counts as no
 * evidence at all (a BM25 of 0, the cosine below which a vector neighbour is unrelated). Anchoring
 * at the weakest candidate instead made a source's share depend on how many candidates were asked
 * for and on how bad the worst of them happened to be.
 */
function scaled(values: number[], floor: number): (v: number) => number {
  const hi = Math.max(...values);
  return (v) => (hi > floor ? Math.max(0, v - floor) / (hi - floor) : 1);
}

/**
 * Fuses lexical and vector hits per source (an article or a ticket): each list's best chunk per
 * source, scaled to its list's best, then a weighted sum. A source found by only one list gets 0
 * from the other.
 */
export function fuseBySource(
  lexical: ChunkHit[],
  semantic: ChunkHit[],
  // Slightly favour BM25: exact product words (app names, features) beat paraphrase similarity.
  lexicalWeight = 0.55,
  /** The cosine at or below which a vector hit is no evidence (the caller's similarity floor). */
  cosineFloor = 0,
): FusedSource[] {
  const best = (hits: ChunkHit[]) => {
    const bySource = new Map<string, ChunkHit>();
    for (const h of hits) {
      const prev = bySource.get(h.source_id);
      if (!prev || h.score > prev.score) bySource.set(h.source_id, h);
    }
    return bySource;
  };
  const lex = best(lexical);
  const sem = best(semantic);
  const nLex = scaled(
    [...lex.values()].map((h) => h.score),
    0,
  );
  const nSem = scaled(
    [...sem.values()].map((h) => h.score),
    cosineFloor,
  );
  const ids = new Set([...lex.keys(), ...sem.keys()]);
  return [...ids]
    .map((id) => {
      const l = lex.get(id);
      const s = sem.get(id);
      const score =
        (l ? lexicalWeight * nLex(l.score) : 0) + (s ? (1 - lexicalWeight) * nSem(s.score) : 0);
      const top = (l ?? s) as ChunkHit;
      // A title-only piece has no passage to show; take the other list's passage then.
      const content = [l, s].find((h) => h?.content)?.content ?? top.title;
      const chunkId = (s ?? top).chunk_id;
      return { kind: top.source_kind, id, title: top.title, content, chunkId, score };
    })
    .sort((a, b) => b.score - a.score);
}
