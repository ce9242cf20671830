import { z } from "zod";
import type { TIdentity } from "../identity/identity.ts";
import { ZArticleSummary } from "./article.ts";

/**
 * The signed-out reader of the help center. The gateway vouches for a visitor only on the help
 * center's routes (an explicit allow-list), as a customer of no organization, so nothing beyond
 * published public articles can be reached with it.
 */
export const visitorUserId = "00000000-0000-0000-0000-000000000000";
export const visitorIdentity = (workspaceId: string): TIdentity => ({
  userId: visitorUserId,
  workspaceId,
  roles: ["customer"],
  orgId: null,
  name: "Visitor",
});
export const isVisitor = (who: TIdentity) => who.userId === visitorUserId;

/** The help-center procedures a signed-out visitor may call (`kb` service paths). */
export const anonymousKbProcedures = [
  "help.list",
  "help.get",
  "help.search",
  "help.feedback",
] as const;

/** A published public article as the help center shows it. */
export const ZHelpArticle = ZArticleSummary.omit({ visibility: true }).extend({
  body: z.string(),
  tags: z.array(z.string()),
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type THelpArticle = z.infer<typeof ZHelpArticle>;

export const ZHelpListInput = z
  .object({ category: z.string().trim().min(1).max(64).optional() })
  .default({});
export const ZHelpSlugInput = z.object({ slug: z.string().trim().min(1).max(120) });
export const ZHelpSearchInput = z.object({
  q: z.string().trim().min(1).max(300),
  limit: z.number().int().min(1).max(20).default(10),
});
export const ZHelpSearchHit = z.object({
  article: ZArticleSummary.omit({ visibility: true }),
  snippet: z.array(z.object({ text: z.string(), hit: z.boolean() })),
  score: z.number(),
});

export const ZArticleFeedbackInput = z.object({
  articleId: z.uuid(),
  helpful: z.boolean(),
  comment: z.string().trim().max(2000).optional(),
});
