import { AppError, type TIdentity } from "@signpost/contracts";
import type { Db } from "@signpost/db";
import { authorize } from "@signpost/policy";
import { articleRepository } from "../articles/article-repository.ts";
import { helpfulnessRepository } from "./helpfulness-repository.ts";

const iso = (d: string) => new Date(d).toISOString();

/** How an article is doing: reads, "did this help?" answers, deflections and linked tickets. */
export async function articleStats(db: Db, who: TIdentity, articleId: string) {
  authorize(who, "kb.article.stats");
  if (!(await articleRepository.find(db, who.workspaceId, articleId)))
    throw new AppError("NOT_FOUND", "Not found");
  const s = await helpfulnessRepository.stats(db, who.workspaceId, articleId);
  const answers = s.helpful + s.not_helpful;
  return {
    articleId,
    views: s.views,
    helpful: s.helpful,
    notHelpful: s.not_helpful,
    helpfulPercent: answers ? Math.round((1000 * s.helpful) / answers) / 10 : null,
    deflections: s.deflections,
    clicks: s.clicks,
    linkedTickets: (s.links ?? []).map((l) => ({
      ticketId: l.ticket_id,
      linkedAt: iso(l.created_at),
    })),
    recentComments: (s.comments ?? []).map((c) => ({
      helpful: c.helpful,
      comment: c.comment,
      at: iso(c.created_at),
    })),
  };
}
