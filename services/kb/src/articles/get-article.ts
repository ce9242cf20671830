import { AppError, isStaff, type TArticle, type TIdentity } from "@signpost/contracts";
import type { Db } from "@signpost/db";
import { authorize } from "@signpost/policy";
import { articleRepository, toArticle } from "./article-repository.ts";

/** Staff read any article of their workspace; customers only published public ones. */
export async function getArticle(db: Db, who: TIdentity, articleId: string): Promise<TArticle> {
  authorize(who, "kb.article.read");
  const row = await articleRepository.find(db, who.workspaceId, articleId);
  const visible =
    row && (isStaff(who) || (row.status === "published" && row.visibility === "public"));
  if (!row || !visible) throw new AppError("NOT_FOUND", "Not found");
  return toArticle(row);
}
