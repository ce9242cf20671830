import { AppError, type TIdentity, type ZLinkTicketInput } from "@signpost/contracts";
import type { Db } from "@signpost/db";
import { authorize } from "@signpost/policy";
import type { z } from "zod";
import { articleRepository } from "../articles/article-repository.ts";
import { helpfulnessRepository } from "./helpfulness-repository.ts";

/** An agent records that an article answered a ticket (shown in the article's stats). */
export async function linkTicket(db: Db, who: TIdentity, input: z.output<typeof ZLinkTicketInput>) {
  authorize(who, "kb.article.link");
  const article = await articleRepository.find(db, who.workspaceId, input.articleId);
  if (!article) throw new AppError("NOT_FOUND", "Not found");
  await helpfulnessRepository.linkTicket(
    db,
    who.workspaceId,
    article.id,
    input.ticketId,
    who.userId,
  );
  return { ok: true as const };
}
