import {
  AppError,
  type TArticle,
  type TIdentity,
  type ZSetArticleStatusInput,
} from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { z } from "zod";
import type { KbDeps } from "../deps.ts";
import { articleChanged } from "./article-changed.ts";
import { articleRepository, toArticle } from "./article-repository.ts";

/** Publish, unpublish (back to draft) or archive. Suggestions follow within moments. */
export async function setArticleStatus(
  deps: KbDeps,
  who: TIdentity,
  input: z.output<typeof ZSetArticleStatusInput>,
): Promise<TArticle> {
  authorize(who, "kb.article.write");
  const article = await deps.db.transaction(async (tx) => {
    const current = await articleRepository.lock(tx, who.workspaceId, input.articleId);
    if (!current) throw new AppError("NOT_FOUND", "Not found");
    if (current.status === input.status) return toArticle(current);
    const updated = toArticle(await articleRepository.setStatus(tx, current.id, input.status));
    await articleChanged(tx, who.workspaceId, current.status, updated);
    return updated;
  });
  deps.kickRelay();
  deps.kickIndexer();
  return article;
}
