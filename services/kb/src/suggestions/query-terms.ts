import type { Sql } from "@signpost/db";
import { searchRepository } from "./search-repository.ts";

export interface WeightedTerms {
  terms: string[];
  weights: number[];
}

/**
 * The lexical query for what has been typed: the stemmed words, the word still being typed
 * expanded to the known terms it begins, and close spellings for words the KB has never seen.
 */
export async function queryTerms(
  sql: Sql,
  workspaceId: string,
  text: string,
): Promise<WeightedTerms> {
  const weighted = new Map<string, number>();
  const add = (term: string, w: number) => weighted.set(term, Math.max(weighted.get(term) ?? 0, w));

  const typing = !/\s$/.test(text);
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const partial = typing ? words[words.length - 1] : undefined;
  const complete = partial ? text.slice(0, text.toLowerCase().lastIndexOf(partial)) : text;

  const lexemes = await searchRepository.lexemes(sql, complete);
  for (const l of lexemes) add(l, 1);
  if (partial && partial.length >= 2) {
    const [asWord] = await searchRepository.lexemes(sql, partial);
    if (asWord) add(asWord, 1);
    const expansions = await searchRepository.prefixTerms(sql, workspaceId, partial, 4);
    expansions.forEach((t, i) => add(t, 0.8 - i * 0.1));
  }
  const near = await searchRepository.nearTerms(sql, workspaceId, [...weighted.keys()]);
  for (const n of near) add(n.near, 0.7 * n.sim);
  return { terms: [...weighted.keys()], weights: [...weighted.values()] };
}
