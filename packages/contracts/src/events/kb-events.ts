import { z } from "zod";
import { defineEvent } from "./envelope.ts";

export const articlePublishedV1 = defineEvent(
  "kb.article.published",
  1,
  z.object({
    articleId: z.uuid(),
    version: z.number().int().positive(),
    visibility: z.enum(["public", "internal"]),
  }),
);

export const articleUnpublishedV1 = defineEvent(
  "kb.article.unpublished",
  1,
  z.object({ articleId: z.uuid(), status: z.enum(["draft", "archived"]) }),
);

/** A reader's "did this help?" answer, for the article's editors. */
export const articleFeedbackV1 = defineEvent(
  "kb.article.feedback",
  1,
  z.object({
    articleId: z.uuid(),
    title: z.string(),
    helpful: z.boolean(),
    comment: z.string().nullable(),
    /** The article's last editor, who is told about it. */
    editorId: z.uuid().nullable(),
  }),
);
