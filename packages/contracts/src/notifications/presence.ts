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
