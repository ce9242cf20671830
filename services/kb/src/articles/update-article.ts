import {
  AppError,
  type TArticle,
  type TIdentity,
  type ZUpdateArticleInput,
} from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { z } from "zod";
import type { KbDeps } from "../deps.ts";
import { articleChanged } from "./article-changed.ts";
import { articleRepository, toArticle } from "./article-repository.ts";

/** Saves an edit as the next version; a published article is re-indexed. */
export async function updateArticle(
  deps: KbDeps,
  who: TIdentity,
  input: z.output<typeof ZUpdateArticleInput>,
): Promise<TArticle> {
  authorize(who, "kb.article.write");
  const article = await deps.db.transaction(async (tx) => {
    const current = await articleRepository.lock(tx, who.workspaceId, input.articleId);
    if (!current) throw new AppError("NOT_FOUND", "Not found");
    const { articleId: _id, ...changes } = input;
    const fields = {
      title: changes.title ?? current.title,
      summary: changes.summary ?? current.summary,
      body: changes.body ?? current.body,
      category: changes.category ?? current.category,
      tags: changes.tags ?? current.tags,
      visibility: changes.visibility ?? current.visibility,
    };
    const updated = toArticle(await articleRepository.update(tx, current, fields, who.userId));
    await articleChanged(tx, who.workspaceId, current.status, updated);
    return updated;
  });
  deps.kickRelay();
  deps.kickIndexer();
  return article;
}
