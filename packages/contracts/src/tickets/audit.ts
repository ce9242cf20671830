import { z } from "zod";

export const ZAuditChange = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });
export type TAuditChange = z.infer<typeof ZAuditChange>;

/** One recorded change: who (null = the system), when, what, before and after. */
export const ZAuditEntry = z.object({
  seq: z.number().int(),
  ticketId: z.uuid().nullable(),
  actorId: z.uuid().nullable(),
  action: z.string(),
  changes: z.array(ZAuditChange),
  at: z.iso.datetime({ offset: true }),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

/** Reads a ticket's history a page at a time: entries after `afterSeq`, oldest first. */
export const ZAuditQuery = z.object({
  ticketId: z.uuid(),
  afterSeq: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(200),
});
