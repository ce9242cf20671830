import { z } from "zod";

export const ZCommentVisibility = z.enum(["public", "internal"]);
export type TCommentVisibility = z.infer<typeof ZCommentVisibility>;

export const ZAttachment = z.object({
  id: z.uuid(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int().nonnegative(),
  /** Relative to the gateway origin; answers only to people who may see the comment. */
  url: z.string(),
});
export type TAttachment = z.infer<typeof ZAttachment>;

export const ZComment = z.object({
  id: z.uuid(),
  ticketId: z.uuid(),
  authorId: z.uuid().nullable(),
  authorName: z.string(),
  authorIsStaff: z.boolean(),
  visibility: ZCommentVisibility,
  body: z.string(),
  mentionedIds: z.array(z.uuid()),
  attachments: z.array(ZAttachment),
  viaEmail: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
  editedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type TComment = z.infer<typeof ZComment>;

export const ZAddCommentInput = z.object({
  ticketId: z.uuid(),
  body: z.string().trim().min(1, "a comment needs text").max(20_000),
  /** Internal notes are for staff only; customers may only reply publicly. */
  visibility: ZCommentVisibility.default("public"),
  /** Staff to notify, besides anyone written as @name or @email in the body. */
  mentionedIds: z.array(z.uuid()).max(20).default([]),
  /** Attachments uploaded beforehand (POST /api/ticket/attachments) by the same person. */
  attachmentIds: z.array(z.uuid()).max(10).default([]),
});
export type TAddCommentInput = z.input<typeof ZAddCommentInput>;

export const ZEditCommentInput = z.object({
  commentId: z.uuid(),
  body: z.string().trim().min(1, "a comment needs text").max(20_000),
});
export const ZCommentRef = z.object({ commentId: z.uuid() });
