export interface GapGroup {
  terms: string[];
  count: number;
  examples: string[];
  lastSeen: string;
}

const jaccard = (a: Set<string>, b: Set<string>) => {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
};

/**
 * Groups questions that share most of their (stemmed) words, newest first in, so "export invoice
 * pdf" and "pdf of my invoice export" land together. A group is named by the words all of its
 * questions share.
 *
 * @example
 * groupGaps([{ text: "export pdf", terms: ["export", "pdf"], at: new Date() }])
 */
export function groupGaps(
  queries: { text: string; terms: string[]; at: Date }[],
  minOverlap = 0.5,
): GapGroup[] {
  const groups: {
    terms: Set<string>;
    shared: Set<string>;
    texts: Map<string, number>;
    count: number;
    last: Date;
  }[] = [];
  for (const q of queries) {
    if (q.terms.length === 0) continue;
    const terms = new Set(q.terms);
    const home = groups.find((g) => jaccard(g.terms, terms) >= minOverlap);
    const text = q.text.trim().replace(/\s+/g, " ");
    if (!home) {
      groups.push({
        terms,
        shared: new Set(terms),
        texts: new Map([[text, 1]]),
        count: 1,
        last: q.at,
      });
      continue;
    }
    home.count++;
    home.texts.set(text, (home.texts.get(text) ?? 0) + 1);
    for (const t of home.shared) if (!terms.has(t)) home.shared.delete(t);
    if (q.at > home.last) home.last = q.at;
  }
  return groups
    .map((g) => ({
      terms: [...(g.shared.size ? g.shared : g.terms)].sort(),
      count: g.count,
      examples: [...g.texts.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([t]) => t),
      lastSeen: g.last.toISOString(),
    }))
    .sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen));
}
