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
});
export type TCreateArticleInput = z.input<typeof ZCreateArticleInput>;
