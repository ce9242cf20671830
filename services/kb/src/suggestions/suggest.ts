import { randomUUID } from "node:crypto";
import { isStaff, type TIdentity, type TSuggestion, type ZSuggestInput } from "@signpost/contracts";
import type { Db } from "@signpost/db";
import { authorize } from "@signpost/policy";
import type { z } from "zod";
import { fuseBySource } from "./fuse.ts";
import { highlight } from "./highlight.ts";
import { queryTerms } from "./query-terms.ts";
import { searchRepository, type Audience } from "./search-repository.ts";

export interface SuggestDeps {
  db: Db;
  embedQuery: (text: string) => Promise<number[]>;
}

const candidates = 60;
// Below this cosine the local model's neighbours are unrelated text: better no suggestion than noise.
const minSimilarity = 0.3;

/**
 * Suggestions for what a person has typed so far: BM25 (with the last word as a prefix and typo
 * tolerance) and vector similarity over the chunks they may see, fused per article or ticket.
 */
export async function suggest(
  deps: SuggestDeps,
  who: TIdentity,
  input: z.output<typeof ZSuggestInput>,
) {
  authorize(who, "kb.article.read");
  const queryId = randomUUID();
  const text = `${input.subject}\n${input.description}`.replace(/^\s+/, "").slice(0, 2000);
  if (text.trim().length < 3) return { queryId, suggestions: [] as TSuggestion[] };
  const audience: Audience = {
    workspaceId: who.workspaceId,
    staff: isStaff(who),
    orgId: who.orgId,
  };

  const [terms, vector] = await Promise.all([
    queryTerms(deps.db, who.workspaceId, text),
    deps.embedQuery(text),
  ]);
  const [lexical, semantic] = await Promise.all([
    searchRepository.bm25(deps.db, audience, terms.terms, terms.weights, candidates),
    searchRepository.nearest(deps.db, audience, vector, candidates),
  ]);
  const typed = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  const related = semantic.filter((h) => h.score >= minSimilarity);
  const suggestions = fuseBySource(lexical, related)
    .slice(0, input.limit)
    .map((s): TSuggestion => ({
      kind: s.kind,
      id: s.id,
      title: s.title,
      snippet: highlight(s.content, typed),
      url: s.kind === "article" ? `/help/articles/${s.id}` : `/tickets/${s.id}`,
      score: Math.round(s.score * 1000) / 1000,
    }));
  return { queryId, suggestions };
}
