import { z } from "zod";
import { ZCommentVisibility } from "./comment.ts";
import { ZTag, ZTicketPriority } from "./ticket.ts";

/**
 * What a macro does besides posting its text. The body may use placeholders:
 * `{{ticket.number}}`, `{{ticket.subject}}`, `{{ticket.status}}`, `{{ticket.priority}}`,
 * `{{requester.name}}`, `{{requester.email}}`, `{{agent.name}}`.
 */
export const ZMacroActions = z.object({
  status: z.string().max(64).optional(),
  priority: ZTicketPriority.optional(),
  addTags: z.array(ZTag).max(20).optional(),
});

export const ZMacro = z.object({
  id: z.uuid(),
  name: z.string(),
  body: z.string(),
  visibility: ZCommentVisibility,
  actions: ZMacroActions,
});
export type TMacro = z.infer<typeof ZMacro>;

export const ZCreateMacroInput = z.object({
  name: z.string().trim().min(1).max(100),
  body: z.string().trim().min(1).max(20_000),
  visibility: ZCommentVisibility.default("public"),
  actions: ZMacroActions.default({}),
});
export const ZMacroRef = z.object({ macroId: z.uuid() });
export const ZApplyMacroInput = z.object({ macroId: z.uuid(), ticketId: z.uuid() });

export const ZTicketTemplate = z.object({
  id: z.uuid(),
  name: z.string(),
  subject: z.string(),
  description: z.string(),
  category: z.string(),
  priority: ZTicketPriority,
  tags: z.array(z.string()),
});
export type TTicketTemplate = z.infer<typeof ZTicketTemplate>;

/** Templates carrying this tag are offered to customers in the portal's new-ticket form. */
export const portalTemplateTag = "portal";

/** A template as the portal sees it: what the form fills in, not the staff's tags. */
export const ZPortalTemplate = ZTicketTemplate.omit({ tags: true });
export type TPortalTemplate = z.infer<typeof ZPortalTemplate>;

export const ZCreateTemplateInput = z.object({
  name: z.string().trim().min(1).max(100),
  subject: z.string().trim().min(3).max(200),
  description: z.string().trim().min(1).max(20_000),
  category: z.string().trim().min(1).max(64).default("general"),
  priority: ZTicketPriority.default("medium"),
  tags: z.array(ZTag).max(20).default([]),
});
export const ZTemplateRef = z.object({ templateId: z.uuid() });
