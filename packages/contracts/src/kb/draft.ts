import { z } from "zod";

export const ZDraftReplyInput = z.object({
  ticketId: z.uuid(),
  subject: z.string().trim().min(1).max(300),
  description: z.string().max(20_000).default(""),
  /** The public thread so far, oldest first (never internal notes: the draft may quote it). */
  thread: z.array(z.string().max(20_000)).max(50).default([]),
});

export const ZDraftSource = z.object({
  /** The number the draft cites it by: [1], [2], ... */
  n: z.number().int().positive(),
  kind: z.enum(["article", "ticket"]),
  id: z.uuid(),
  title: z.string(),
  url: z.string(),
  passage: z.string(),
});

export const ZDraftReply = z.object({
  draftId: z.uuid(),
  text: z.string(),
  sources: z.array(ZDraftSource),
  /** "llm" when a chat model wrote it from the sources; "extractive" when it quotes them. */
  generatedBy: z.enum(["llm", "extractive"]),
  /** False when nothing in the KB matched: the agent answers from scratch. */
  grounded: z.boolean(),
});
export type TDraftReply = z.infer<typeof ZDraftReply>;

export const ZRecordDraftUseInput = z.object({
  draftId: z.uuid(),
  /** The sources the agent kept in the reply they sent. */
  usedSourceIds: z.array(z.uuid()).max(20),
});
