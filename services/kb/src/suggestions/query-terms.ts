import type { Sql } from "@signpost/db";
import { searchRepository } from "./search-repository.ts";

export interface WeightedTerms {
  terms: string[];
  weights: number[];
  /**
   * What to embed: the text with a half-typed last word replaced by its likeliest completion (or
   * cut off when none is known), since a fragment like "passw" pulls a sentence vector off course.
   */
  embedText: string;
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

  // Still typing only while the text ends in a letter or digit: "github." or "github?" is done.
  const typing = /[\p{L}\p{N}]$/u.test(text);
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const partial = typing ? words[words.length - 1] : undefined;
  const complete = partial ? text.slice(0, text.toLowerCase().lastIndexOf(partial)) : text;

  const lexemes = await searchRepository.lexemes(sql, complete);
  for (const l of lexemes) add(l, 1);
  let embedText = text;
  if (partial) {
    let completion = "";
    if (partial.length >= 2) {
      const [asWord] = await searchRepository.lexemes(sql, partial);
      if (asWord) add(asWord, 1);
      const expansions = await searchRepository.prefixTerms(sql, workspaceId, partial, 4);
      expansions.forEach((t, i) => add(t, 0.8 - i * 0.1));
      completion = expansions[0] ?? "";
    }
    // Too little left without the fragment (the first word): embed what was typed.
    if (completion || complete.trim().length >= 3) embedText = complete + completion;
  }
  const near = await searchRepository.nearTerms(sql, workspaceId, [...weighted.keys()]);
  for (const n of near) add(n.near, 0.7 * n.sim);
  return { terms: [...weighted.keys()], weights: [...weighted.values()], embedText };
}
