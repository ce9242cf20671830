import type { EventOf } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { indexRequestRepository } from "./index-request-repository.ts";

/** A resolved ticket becomes a candidate "similar ticket": record that it is to be indexed. */
export async function onTicketResolved(tx: Sql, event: EventOf<"ticket.resolved">): Promise<void> {
  await indexRequestRepository.upsert(tx, {
    ticketId: event.payload.ticketId,
    workspaceId: event.workspaceId,
    orgId: event.orgId,
    number: event.payload.number,
    eventId: event.id,
  });
}
