import {
  AppError,
  isStaff,
  isVisitor,
  type TIdentity,
  type ZArticleFeedbackInput,
} from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import { appendToOutbox, buildEvent } from "@signpost/queue";
import type { z } from "zod";
import { articleRepository } from "../articles/article-repository.ts";
import { articleVersionRepository } from "../articles/article-version-repository.ts";
import type { KbDeps } from "../deps.ts";
import { schema } from "../schema.ts";
import { helpfulnessRepository } from "./helpfulness-repository.ts";

/** "Did this help?" on an article the reader may see; its last editor hears about it. */
export async function giveFeedback(
  deps: Pick<KbDeps, "db" | "kickRelay">,
  who: TIdentity,
  input: z.output<typeof ZArticleFeedbackInput>,
) {
  authorize(who, "kb.article.feedback");
  await deps.db.transaction(async (tx) => {
    const article = await articleRepository.find(tx, who.workspaceId, input.articleId);
    const visible =
      article?.status === "published" && (article.visibility === "public" || isStaff(who));
    if (!article || !visible) throw new AppError("NOT_FOUND", "Not found");
    const comment = input.comment?.trim() || null;
    await helpfulnessRepository.recordFeedback(tx, {
      workspaceId: who.workspaceId,
      articleId: article.id,
      userId: isVisitor(who) ? null : who.userId,
      helpful: input.helpful,
      comment,
    });
    await appendToOutbox(
      tx,
      schema,
      buildEvent("kb.article.feedback", {
        workspaceId: who.workspaceId,
        orgId: who.orgId,
        payload: {
          articleId: article.id,
          title: article.title,
          helpful: input.helpful,
          comment,
          editorId: await articleVersionRepository.lastEditor(tx, article.id),
        },
      }),
    );
  });
  deps.kickRelay();
  return { ok: true as const };
}
