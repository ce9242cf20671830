/** Ranking quality of one query: `ranked` ids best first, `relevant` the ids that answer it. */
export function scoreQuery(ranked: string[], relevant: Set<string>) {
  const hit = (i: number) => relevant.has(ranked[i] ?? "");
  const recallAt = (k: number) =>
    ranked.slice(0, k).filter((id) => relevant.has(id)).length / relevant.size;
  const first = ranked.slice(0, 10).findIndex((id) => relevant.has(id));
  let dcg = 0;
  for (let i = 0; i < Math.min(10, ranked.length); i++) if (hit(i)) dcg += 1 / Math.log2(i + 2);
  let idcg = 0;
  for (let i = 0; i < Math.min(10, relevant.size); i++) idcg += 1 / Math.log2(i + 2);
  return {
    p1: hit(0) ? 1 : 0,
    r3: recallAt(3),
    r10: recallAt(10),
    mrr10: first === -1 ? 0 : 1 / (first + 1),
    ndcg10: idcg ? dcg / idcg : 0,
  };
}

export type QueryScore = ReturnType<typeof scoreQuery>;

/** Means of each metric in percent, one decimal. */
export function meanScores(scores: QueryScore[]) {
  const mean = (k: keyof QueryScore) =>
    Math.round((1000 * scores.reduce((sum, s) => sum + s[k], 0)) / Math.max(scores.length, 1)) / 10;
  return {
    p1: mean("p1"),
    r3: mean("r3"),
    r10: mean("r10"),
    mrr10: mean("mrr10"),
    ndcg10: mean("ndcg10"),
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
