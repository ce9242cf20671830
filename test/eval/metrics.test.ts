import { describe, expect, it } from "vitest";
import { meanScores, percentile, scoreQuery } from "./metrics.ts";

describe("retrieval metrics", () => {
  it("scores a ranking against its relevant set", () => {
    const s = scoreQuery(["x", "a", "y", "b"], new Set(["a", "b"]));
    expect(s.p1).toBe(0);
    expect(s.r3).toBe(0.5);
    expect(s.r10).toBe(1);
    expect(s.mrr10).toBe(0.5);
    const dcg = 1 / Math.log2(3) + 1 / Math.log2(5);
    expect(s.ndcg10).toBeCloseTo(dcg / (1 + 1 / Math.log2(3)), 10);
  });

  it("gives a miss zero everywhere and averages in percent", () => {
    const miss = scoreQuery(["x"], new Set(["a"]));
    const perfect = scoreQuery(["a"], new Set(["a"]));
    expect(meanScores([miss, perfect])).toEqual({ p1: 50, r3: 50, r10: 50, mrr10: 50, ndcg10: 50 });
  });

  it("takes percentiles by rank", () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
  });
});
