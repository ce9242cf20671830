import { z } from "zod";

/** What an agent is doing on a ticket's page. */
export const ZPresenceMode = z.enum(["viewing", "replying"]);
export type TPresenceMode = z.infer<typeof ZPresenceMode>;

/** Sent every few seconds while a ticket's page is open; it lapses when the beats stop. */
export const ZPresenceBeatInput = z.object({ ticketId: z.uuid(), mode: ZPresenceMode });
export const ZPresenceLeaveInput = z.object({ ticketId: z.uuid() });
export const ZPresenceTicketInput = z.object({ ticketId: z.uuid() });

/** One staff member on a ticket's page. */
export const ZPresence = z.object({
  userId: z.uuid(),
  name: z.string(),
  mode: ZPresenceMode,
});
export type TPresence = z.infer<typeof ZPresence>;

/** Who is on a ticket's page now: the list query's answer and the live stream's `presence` event. */
export const ZTicketPresence = z.object({ ticketId: z.uuid(), people: z.array(ZPresence) });
export type TTicketPresence = z.infer<typeof ZTicketPresence>;

/** The ticket events whose consumption staff streams hear of (a `ticket` live event). */
export const ZTicketActivityKind = z.enum([
  "created",
  "updated",
  "status_changed",
  "assigned",
  "commented",
  "resolved",
  "reopened",
  "closed",
  "merged",
  "escalated",
]);

/**
 * The live stream's `ticket` event, sent to a workspace's staff only: something about this ticket
 * changed, refetch it. Ids and a kind only, never text (a comment may be an internal note).
 */
export const ZTicketActivity = z.object({
  ticketId: z.uuid(),
  number: z.number().int().positive().optional(),
  kind: ZTicketActivityKind,
  at: z.iso.datetime({ offset: true }),
});
export type TTicketActivity = z.infer<typeof ZTicketActivity>;
