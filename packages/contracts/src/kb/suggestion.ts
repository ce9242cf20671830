import { z } from "zod";

export const ZSuggestInput = z.object({
  /** What the person has typed so far; either may be cut mid-word. */
  subject: z.string().max(300).default(""),
  description: z.string().max(5000).default(""),
  limit: z.number().int().min(1).max(20).default(5),
});

export const ZSuggestion = z.object({
  kind: z.enum(["article", "ticket"]),
  id: z.uuid(),
  title: z.string(),
  /** Text segments; `hit` marks words that match what was typed. */
  snippet: z.array(z.object({ text: z.string(), hit: z.boolean() })),
  url: z.string(),
  score: z.number(),
});
export type TSuggestion = z.infer<typeof ZSuggestion>;

export const ZSuggestOutput = z.object({
  /** Identifies this set of suggestions in later impression, click and "solved" events. */
  queryId: z.uuid(),
  suggestions: z.array(ZSuggestion),
});

export const ZTrackSuggestionInput = z.object({
  queryId: z.uuid(),
  kind: z.enum(["impression", "click", "solved"]),
  source: z.object({ kind: z.enum(["article", "ticket"]), id: z.uuid() }).optional(),
});
