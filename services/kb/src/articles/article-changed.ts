import type { Sql } from "@signpost/db";
import { appendToOutbox, buildEvent } from "@signpost/queue";
import { indexQueueRepository } from "../indexing/index-queue-repository.ts";
import { schema } from "../schema.ts";
import type { toArticle } from "./article-repository.ts";

type Article = ReturnType<typeof toArticle>;

/**
 * After an article is saved or changes status (in the same transaction): queue it for the indexer
 * (which adds, refreshes or removes its chunks) and tell other services when it went live or left.
 */
export async function articleChanged(
  tx: Sql,
  workspaceId: string,
  before: Article["status"] | null,
  after: Article,
): Promise<void> {
  if (before !== "published" && after.status !== "published") return;
  await indexQueueRepository.request(tx, "article", after.id, workspaceId);
  const event =
    after.status === "published"
      ? buildEvent("kb.article.published", {
          workspaceId,
          orgId: null,
          payload: { articleId: after.id, version: after.version, visibility: after.visibility },
        })
      : buildEvent("kb.article.unpublished", {
          workspaceId,
          orgId: null,
          payload: { articleId: after.id, status: after.status },
        });
  await appendToOutbox(tx, schema, event);
}
