import { z } from "zod";

export const ZArticleVersionSummary = z.object({
  version: z.number().int().positive(),
  title: z.string(),
  editedBy: z.uuid().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});

export const ZArticleDiffInput = z.object({
  articleId: z.uuid(),
  from: z.number().int().positive(),
  to: z.number().int().positive(),
});

/** One line of a line diff: kept, added in `to`, or removed from `from`. */
export const ZDiffLine = z.object({
  op: z.enum(["same", "add", "remove"]),
  text: z.string(),
});
export const ZArticleDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  /** Per field: title, summary, body, category, tags, visibility (only those that differ). */
  fields: z.array(z.object({ field: z.string(), lines: z.array(ZDiffLine) })),
});

export const ZRestoreArticleInput = z.object({
  articleId: z.uuid(),
  version: z.number().int().positive(),
});

export const ZArticleFromTicketInput = z.object({ ticketId: z.uuid() });

export const ZLinkTicketInput = z.object({ articleId: z.uuid(), ticketId: z.uuid() });

export const ZArticleStats = z.object({
  articleId: z.uuid(),
  views: z.number().int(),
  helpful: z.number().int(),
  notHelpful: z.number().int(),
  /** Share of "yes" answers, 0-100; null before anyone answered. */
  helpfulPercent: z.number().nullable(),
  /** Suggestion sessions where this article was marked as having solved the problem. */
  deflections: z.number().int(),
  clicks: z.number().int(),
  linkedTickets: z.array(
    z.object({ ticketId: z.uuid(), linkedAt: z.iso.datetime({ offset: true }) }),
  ),
  recentComments: z.array(
    z.object({ helpful: z.boolean(), comment: z.string(), at: z.iso.datetime({ offset: true }) }),
  ),
});

export const ZGapsInput = z
  .object({
    days: z.number().int().min(1).max(365).default(30),
    limit: z.number().int().min(1).max(100).default(20),
  })
  .default({ days: 30, limit: 20 });

/** Questions customers typed that no suggestion answered, grouped by the words they share. */
export const ZGap = z.object({
  /** The stemmed words the group's questions share. */
  terms: z.array(z.string()),
  count: z.number().int(),
  examples: z.array(z.string()),
  lastSeen: z.iso.datetime({ offset: true }),
});
