import { z } from "zod";
import { ZCustomFieldValues, ZTag, ZTicketPriority } from "./ticket.ts";

export const ZChangeStatusInput = z.object({
  ticketId: z.uuid(),
  /** A built-in status (`open`, ...) or one of the workspace's own. */
  status: z.string().trim().min(1).max(64),
});

export const ZChangePriorityInput = z.object({ ticketId: z.uuid(), priority: ZTicketPriority });

/** Assign to a person and/or a group; `null` clears, an absent field stays as it is. */
export const ZAssignInput = z
  .object({
    ticketId: z.uuid(),
    assigneeId: z.uuid().nullable().optional(),
    groupId: z.uuid().nullable().optional(),
  })
  .refine((a) => a.assigneeId !== undefined || a.groupId !== undefined, {
    message: "give an assigneeId or a groupId",
  });

export const closeReasons = ["manual", "auto_close", "merged", "bulk"] as const;
export const ZCloseReason = z.enum(closeReasons);
export type TCloseReason = z.infer<typeof ZCloseReason>;

export const ZCloseInput = z.object({ ticketId: z.uuid() });

/** Fields an agent edits in place; each present field is one audited change. */
export const ZUpdateTicketInput = z.object({
  ticketId: z.uuid(),
  subject: z.string().trim().min(3).max(200).optional(),
  category: z.string().trim().min(1).max(64).optional(),
  tags: z.array(ZTag).max(20).optional(),
  collaboratorIds: z.array(z.uuid()).max(20).optional(),
  customFields: ZCustomFieldValues.optional(),
});

export const ZMergeInput = z.object({ sourceTicketId: z.uuid(), targetTicketId: z.uuid() });
export const ZSplitInput = z.object({
  commentId: z.uuid(),
  subject: z.string().trim().min(3).max(200),
});

const ZTicketIds = z.array(z.uuid()).min(1).max(100);
export const ZBulkInput = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("assign"),
    ticketIds: ZTicketIds,
    assigneeId: z.uuid().nullable().optional(),
    groupId: z.uuid().nullable().optional(),
  }),
  z.object({
    action: z.literal("status"),
    ticketIds: ZTicketIds,
    status: z.string().trim().min(1).max(64),
  }),
  z.object({ action: z.literal("priority"), ticketIds: ZTicketIds, priority: ZTicketPriority }),
  z.object({ action: z.literal("close"), ticketIds: ZTicketIds }),
]);
export type TBulkInput = z.infer<typeof ZBulkInput>;

/** Bulk actions go ticket by ticket: one refused ticket does not undo the others. */
export const ZBulkResult = z.object({
  results: z.array(
    z.object({
      ticketId: z.uuid(),
      ok: z.boolean(),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
    }),
  ),
});
