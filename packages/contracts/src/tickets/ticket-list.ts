import { z } from "zod";
import { ZTicket, ZTicketPriority } from "./ticket.ts";
import { ZSlaState } from "./sla.ts";

const many = <T extends z.ZodType>(t: T) => z.array(t).min(1).max(50).optional();

/** Filters combine with AND; values within one filter with OR. `null` in assignee/group = none. */
export const ZTicketFilters = z.object({
  status: many(z.string().max(64)),
  priority: many(ZTicketPriority),
  category: many(z.string().max(64)),
  assigneeId: many(z.uuid().nullable()),
  groupId: many(z.uuid().nullable()),
  requesterId: many(z.uuid()),
  orgId: many(z.uuid()),
  tag: many(z.string().max(40)),
  /** SLA state (see `ZSlaState`): `breached` finds every ticket that missed a target. */
  slaState: many(ZSlaState),
  text: z.string().trim().min(1).max(200).optional(),
});
export type TTicketFilters = z.infer<typeof ZTicketFilters>;

/** `sla_due_at`: the nearest running SLA due date, overdue first; nothing running sorts last. */
export const ticketSortFields = [
  "created_at",
  "updated_at",
  "priority",
  "number",
  "sla_due_at",
] as const;
export const ZTicketSort = z.object({
  field: z.enum(ticketSortFields).default("created_at"),
  direction: z.enum(["asc", "desc"]).default("desc"),
});
export type TTicketSort = z.infer<typeof ZTicketSort>;

export const ZListTicketsInput = z
  .object({
    filters: ZTicketFilters.default({}),
    sort: ZTicketSort.default({ field: "created_at", direction: "desc" }),
    limit: z.number().int().min(1).max(100).default(50),
    /** Opaque; from the previous page's `nextCursor`. */
    cursor: z.string().max(500).optional(),
    /** Starts from a saved view's filters and sort (explicit filters above are added to them). */
    viewId: z.uuid().optional(),
  })
  .default({
    filters: {},
    sort: { field: "created_at", direction: "desc" },
    limit: 50,
  });
export type TListTicketsInput = z.input<typeof ZListTicketsInput>;

/**
 * What a queue row shows of a ticket's SLA, for a countdown column: the due dates (running or
 * not), which targets were missed, and whether the clock is paused. Staff only; null for customers
 * and for a ticket without an SLA yet.
 */
export const ZTicketRowSla = z.object({
  state: ZSlaState,
  /** The nearest due date still running (null when nothing runs). */
  dueAt: z.iso.datetime({ offset: true }).nullable(),
  firstResponseDueAt: z.iso.datetime({ offset: true }).nullable(),
  firstResponseBreached: z.boolean(),
  resolutionDueAt: z.iso.datetime({ offset: true }).nullable(),
  resolutionBreached: z.boolean(),
  paused: z.boolean(),
});
export type TTicketRowSla = z.infer<typeof ZTicketRowSla>;

/** A ticket as lists show it: the ticket and, for staff, its SLA. */
export const ZTicketRow = ZTicket.extend({ sla: ZTicketRowSla.nullable() });
export type TTicketRow = z.infer<typeof ZTicketRow>;

export const ZTicketPage = z.object({
  tickets: z.array(ZTicketRow),
  nextCursor: z.string().nullable(),
});
export type TTicketPage = z.infer<typeof ZTicketPage>;

export const ZSavedView = z.object({
  id: z.uuid(),
  name: z.string(),
  filters: ZTicketFilters,
  sort: ZTicketSort,
});
export type TSavedView = z.infer<typeof ZSavedView>;

export const ZSaveViewInput = z.object({
  name: z.string().trim().min(1).max(80),
  filters: ZTicketFilters.default({}),
  sort: ZTicketSort.default({ field: "created_at", direction: "desc" }),
});
export const ZViewRef = z.object({ viewId: z.uuid() });
