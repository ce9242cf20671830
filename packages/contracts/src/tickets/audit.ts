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
