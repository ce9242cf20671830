import { z } from "zod";

export const ticketPriorities = ["low", "medium", "high", "urgent"] as const;
export const ZTicketPriority = z.enum(ticketPriorities);
export type TTicketPriority = z.infer<typeof ZTicketPriority>;

export const ticketStatuses = [
  "open",
  "in_progress",
  "waiting_on_customer",
  "resolved",
  "closed",
] as const;
export const ZTicketStatus = z.enum(ticketStatuses);
export type TTicketStatus = z.infer<typeof ZTicketStatus>;

export const defaultCategories = [
  "general",
  "billing",
  "technical",
  "account",
  "feature_request",
  "bug",
] as const;

export const ZCreateTicketInput = z.object({
  subject: z.string().trim().min(3, "subject must be at least 3 characters").max(200),
  description: z.string().trim().min(1, "description is required").max(20_000),
  priority: ZTicketPriority.default("medium"),
  category: z.string().trim().min(1).max(64).default("general"),
});
export type TCreateTicketInput = z.input<typeof ZCreateTicketInput>;

export const ZTicket = z.object({
  id: z.uuid(),
  number: z.number().int().positive(),
  subject: z.string(),
  description: z.string(),
  status: ZTicketStatus,
  priority: ZTicketPriority,
  category: z.string(),
  requesterId: z.uuid(),
  orgId: z.uuid().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  resolvedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type TTicket = z.infer<typeof ZTicket>;

export const ZTicketRef = z.object({ ticketId: z.uuid() });
