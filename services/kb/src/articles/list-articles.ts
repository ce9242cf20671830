import { isStaff, type TArticleStatus, type TIdentity } from "@signpost/contracts";
import type { Db } from "@signpost/db";
import { authorize } from "@signpost/policy";
import { articleRepository } from "./article-repository.ts";

/**
 * Customers see public published articles; staff also see internal ones. Drafts and archived
 * articles are listed for those who write articles only.
 */
export async function listArticles(db: Db, who: TIdentity, status: TArticleStatus = "published") {
  authorize(who, "kb.article.read");
  if (status !== "published") authorize(who, "kb.article.write");
  return articleRepository.listByStatus(db, who.workspaceId, status, isStaff(who));
}
