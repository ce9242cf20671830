import { AppError, type TIdentity, type ZHelpSearchInput } from "@signpost/contracts";
import type { Db } from "@signpost/db";
import { authorize } from "@signpost/policy";
import type { z } from "zod";
import { helpfulnessRepository } from "../helpfulness/helpfulness-repository.ts";
import { highlight } from "../suggestions/highlight.ts";
import { retrieve, type RetrieveDeps } from "../suggestions/retrieve.ts";
import { helpRepository } from "./help-repository.ts";

// Signed in or not, the help center reads as the public does: no staff or organization scope.
const publicAudience = (who: TIdentity) => ({
  workspaceId: who.workspaceId,
  staff: false,
  orgId: null,
});

export async function listHelpArticles(db: Db, who: TIdentity, category?: string) {
  authorize(who, "kb.article.read");
  return helpRepository.list(db, who.workspaceId, category);
}

/** An article by its slug; each read counts as a view. */
export async function getHelpArticle(db: Db, who: TIdentity, slug: string) {
  authorize(who, "kb.article.read");
  const article = await helpRepository.bySlug(db, who.workspaceId, slug);
  if (!article) throw new AppError("NOT_FOUND", "Not found");
  await helpfulnessRepository.recordView(db, who.workspaceId, article.id);
  return article;
}

/** Full-text (and meaning) search over the help center's articles. */
export async function searchHelpCenter(
  deps: RetrieveDeps,
  who: TIdentity,
  input: z.output<typeof ZHelpSearchInput>,
) {
  authorize(who, "kb.article.read");
  const found = (await retrieve(deps, publicAudience(who), input.q)).filter(
    (s) => s.kind === "article" && (s.lexicalMatch || s.cosine >= 0.5),
  );
  const articles = await helpRepository.byIds(
    deps.db,
    who.workspaceId,
    found.map((s) => s.id),
  );
  const typed = input.q.match(/[\p{L}\p{N}]+/gu) ?? [];
  return found
    .filter((s) => articles.has(s.id))
    .slice(0, input.limit)
    .map((s) => ({
      article: articles.get(s.id) as NonNullable<ReturnType<typeof articles.get>>,
      snippet: highlight(s.content, typed),
      score: Math.round(s.score * 1000) / 1000,
    }));
}
