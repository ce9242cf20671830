import type { EventOf } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { indexQueueRepository } from "./index-queue-repository.ts";
import { indexRequestRepository } from "./index-request-repository.ts";

/**
 * A resolved ticket becomes a candidate "similar ticket": keep its resolution document and queue it
 * for the indexer. A v1 event carries no text, so it is recorded but cannot be indexed.
 */
export async function onTicketResolved(tx: Sql, event: EventOf<"ticket.resolved">): Promise<void> {
  const p = event.payload;
  const doc =
    "subject" in p
      ? {
          subject: p.subject,
          body: [p.description, p.resolution].filter(Boolean).join("\n\n"),
          category: p.category,
          description: p.description,
          resolution: p.resolution,
        }
      : { subject: null, body: null, category: null, description: null, resolution: null };
  await indexRequestRepository.upsert(tx, {
    ticketId: p.ticketId,
    workspaceId: event.workspaceId,
    orgId: event.orgId,
    number: p.number,
    eventId: event.id,
    ...doc,
  });
  if (doc.subject !== null)
    await indexQueueRepository.request(tx, "ticket", p.ticketId, event.workspaceId);
}
