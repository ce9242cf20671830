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
