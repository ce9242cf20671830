import { isStaff, type TIdentity } from "@signpost/contracts";
import type { Db } from "@signpost/db";
import { authorize } from "@signpost/policy";
import { articleRepository } from "./article-repository.ts";

/** Customers see public articles; staff also see internal ones. */
export async function listArticles(db: Db, who: TIdentity) {
  authorize(who, "kb.article.read");
  return articleRepository.listPublished(db, who.workspaceId, isStaff(who));
}
