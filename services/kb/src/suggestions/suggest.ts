import { randomUUID } from "node:crypto";
import { isStaff, type TIdentity, type TSuggestion, type ZSuggestInput } from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { z } from "zod";
import { highlight } from "./highlight.ts";
import { retrieve, type RetrieveDeps } from "./retrieve.ts";

/** Suggestions for what a person has typed so far, among the sources they may see. */
export async function suggest(
  deps: RetrieveDeps,
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
  const typed = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  const suggestions = found.slice(0, input.limit).map((s): TSuggestion => ({
    kind: s.kind,
    id: s.id,
    title: s.title,
    snippet: highlight(s.content, typed),
    url: s.kind === "article" ? `/help/articles/${s.id}` : `/tickets/${s.id}`,
    score: Math.round(s.score * 1000) / 1000,
  }));
  return { queryId, suggestions };
}
