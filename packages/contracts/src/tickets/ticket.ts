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

/** Where a ticket came in; the same values as `ZTicketSource` in the events (kept apart to avoid a cycle). */
export const ticketChannels = ["portal", "email", "api", "phone", "chat"] as const;
export const ZTicketChannel = z.enum(ticketChannels);
export type TTicketChannel = z.infer<typeof ZTicketChannel>;

export const ZTag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}_.:-]+$/u, "tags are one word: letters, digits, _ . : -");

/** Custom field values by field key; each is checked against the workspace's field definitions. */
export const ZCustomFieldValues = z.record(
  z.string().max(64),
  z.union([z.string().max(2000), z.number(), z.null()]),
);

export const ZCreateTicketInput = z.object({
  subject: z.string().trim().min(3, "subject must be at least 3 characters").max(200),
  description: z.string().trim().min(1, "description is required").max(20_000),
  priority: ZTicketPriority.default("medium"),
  category: z.string().trim().min(1).max(64).default("general"),
  tags: z.array(ZTag).max(20).default([]),
  /** Staff may file for a channel (phone, chat, api); a customer's ticket is always `portal`. */
  source: ZTicketChannel.optional(),
  /** Staff may file on behalf of a customer (phone, chat). */
  requesterId: z.uuid().optional(),
  customFields: ZCustomFieldValues.default({}),
});
export type TCreateTicketInput = z.input<typeof ZCreateTicketInput>;

export const ZTicket = z.object({
  id: z.uuid(),
  number: z.number().int().positive(),
  subject: z.string(),
  description: z.string(),
  /** The kind of the status (one of the five). */
  status: ZTicketStatus,
  /** The workspace's own status, mapped to `status`; equal to it for the built-in ones. */
  statusKey: z.string(),
  priority: ZTicketPriority,
  category: z.string(),
  tags: z.array(z.string()),
  source: ZTicketChannel,
  requesterId: z.uuid(),
  orgId: z.uuid().nullable(),
  assigneeId: z.uuid().nullable(),
  groupId: z.uuid().nullable(),
  collaboratorIds: z.array(z.uuid()),
  customFields: ZCustomFieldValues,
  mergedIntoId: z.uuid().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  firstResponseAt: z.iso.datetime({ offset: true }).nullable(),
  resolvedAt: z.iso.datetime({ offset: true }).nullable(),
  closedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type TTicket = z.infer<typeof ZTicket>;

export const ZTicketRef = z.object({ ticketId: z.uuid() });

export const ZTicketLink = z.object({
  kind: z.enum(["merged_into", "merged_from", "split_into", "split_from"]),
  ticketId: z.uuid(),
  number: z.number().int().positive(),
});
export type TTicketLink = z.infer<typeof ZTicketLink>;

/** One ticket with what a detail view needs beyond the row: the tickets it is linked to. */
export const ZTicketDetail = ZTicket.extend({ links: z.array(ZTicketLink) });
export type TTicketDetail = z.infer<typeof ZTicketDetail>;
