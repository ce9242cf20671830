import type { TCsatReport, TIdentity, TReportRange } from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { TicketDeps } from "../deps.ts";
import { ticketReportRepository as repo } from "./report-repository.ts";

const commentsShown = 20;

/** Ratings in the range: count, average, how many gave each score, the newest comments. */
export async function csatReport(
  deps: TicketDeps,
  who: TIdentity,
  range: TReportRange,
): Promise<TCsatReport> {
  authorize(who, "ticket.report");
  const args = [deps.db, who.workspaceId, range.from, range.to] as const;
  const [counts, comments] = await Promise.all([
    repo.csatDistribution(...args),
    repo.csatComments(...args, commentsShown),
  ]);
  const distribution = [1, 2, 3, 4, 5].map((rating) => ({
    rating,
    count: counts.find((c) => c.rating === rating)?.n ?? 0,
  }));
  const count = distribution.reduce((sum, d) => sum + d.count, 0);
  const total = distribution.reduce((sum, d) => sum + d.rating * d.count, 0);
  return {
    from: range.from,
    to: range.to,
    count,
    average: count === 0 ? null : Math.round((total / count) * 100) / 100,
    distribution,
    recentComments: comments.map((c) => ({
      ticketId: c.ticket_id,
      number: c.number,
      subject: c.subject,
      rating: c.rating,
      comment: c.comment,
      createdAt: new Date(c.created_at).toISOString(),
    })),
  };
}
