import { randomUUID } from "node:crypto";
import { isStaff, type TIdentity, type TSuggestion, type ZSuggestInput } from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { z } from "zod";
import type { SuggestionLog } from "../gaps/suggestion-log.ts";
import { highlight } from "./highlight.ts";
import { retrieve, type RetrieveDeps } from "./retrieve.ts";

export interface SuggestDeps extends RetrieveDeps {
  log: SuggestionLog;
}

/** Suggestions for what a person has typed so far, among the sources they may see. */
export async function suggest(
  deps: SuggestDeps,
  who: TIdentity,
  input: z.output<typeof ZSuggestInput>,
) {
  authorize(who, "kb.article.read");
  const queryId = randomUUID();
  const text = `${input.subject}\n${input.description}`.replace(/^\s+/, "").slice(0, 2000);
  if (text.trim().length < 3) return { queryId, suggestions: [] as TSuggestion[] };
  const found = await retrieve(
    deps,
    { workspaceId: who.workspaceId, staff: isStaff(who), orgId: who.orgId },
    text,
  );
  const shown = found.slice(0, input.limit);
  deps.log.record({
    queryId,
    workspaceId: who.workspaceId,
    userId: who.userId,
    text: text.trim(),
    results: shown.length,
    bestSimilarity: Math.max(0, ...shown.map((s) => s.cosine)),
  });
  const typed = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  const suggestions = shown.map((s): TSuggestion => ({
    kind: s.kind,
    id: s.id,
    title: s.title,
    snippet: highlight(s.content, typed),
    url: s.kind === "article" ? `/help/articles/${s.id}` : `/tickets/${s.id}`,
    score: Math.round(s.score * 1000) / 1000,
  }));
  return { queryId, suggestions };
}
