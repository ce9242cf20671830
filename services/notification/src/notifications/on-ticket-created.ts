import type { EventOf } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { notificationRepository } from "./notification-repository.ts";

/** A new ticket tells the workspace's agents. Runs inside the consumer's inbox transaction. */
export async function onTicketCreated(tx: Sql, event: EventOf<"ticket.created">): Promise<void> {
  await notificationRepository.insertForAgents(tx, {
    workspaceId: event.workspaceId,
    kind: "ticket.created",
    ticketId: event.payload.ticketId,
    title: `New ticket #${event.payload.number} (${event.payload.priority})`,
    eventId: event.id,
  });
}
