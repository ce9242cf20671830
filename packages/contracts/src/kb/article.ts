import { z } from "zod";

export const ZArticleVisibility = z.enum(["public", "internal"]);

export const ZArticleSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  category: z.string(),
  visibility: ZArticleVisibility,
  updatedAt: z.iso.datetime({ offset: true }),
});
export type TArticleSummary = z.infer<typeof ZArticleSummary>;

export const ZCreateArticleInput = z.object({
  title: z.string().trim().min(3, "title must be at least 3 characters").max(200),
  summary: z.string().trim().max(500).default(""),
  body: z.string().trim().min(1, "body is required").max(200_000),
  category: z.string().trim().min(1).max(64).default("general"),
  visibility: ZArticleVisibility.default("public"),
  status: z.enum(["draft", "published"]).default("draft"),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
});
export type TCreateArticleInput = z.input<typeof ZCreateArticleInput>;

export const ZArticleStatus = z.enum(["draft", "published", "archived"]);
export type TArticleStatus = z.infer<typeof ZArticleStatus>;

/** The article list: published by default; drafts and archived articles are for editors. */
export const ZListArticlesInput = z
  .object({ status: ZArticleStatus.default("published") })
  .optional();

export const ZArticle = ZArticleSummary.extend({
  body: z.string(),
  status: ZArticleStatus,
  tags: z.array(z.string()),
  version: z.number().int().positive(),
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type TArticle = z.infer<typeof ZArticle>;

export const ZUpdateArticleInput = z.object({
  articleId: z.uuid(),
  title: z.string().trim().min(3).max(200).optional(),
  summary: z.string().trim().max(500).optional(),
  body: z.string().trim().min(1).max(200_000).optional(),
  category: z.string().trim().min(1).max(64).optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
  visibility: ZArticleVisibility.optional(),
});

export const ZArticleRef = z.object({ articleId: z.uuid() });
export const ZSetArticleStatusInput = z.object({ articleId: z.uuid(), status: ZArticleStatus });
