import type { DomainEvent } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { webhookEventTypes } from "./webhooks.ts";
import { webhookRepository } from "./webhook-repository.ts";

/**
 * The body endpoints receive: the event as it came, except that a comment's text goes out only
 * when it is a public reply (the contract already nulls a note's body; this does not rely on it).
 */
export function webhookBody(event: DomainEvent): string {
  if (event.type === "ticket.commented" && event.payload.visibility !== "public") {
    return JSON.stringify({ ...event, payload: { ...event.payload, body: null } });
  }
  return JSON.stringify(event);
}

/** Queues the event for every subscribed endpoint, in the consumer's transaction. */
export async function queueWebhookDeliveries(tx: Sql, event: DomainEvent): Promise<number> {
  if (!webhookEventTypes.includes(event.type)) return 0;
  return webhookRepository.queueDeliveries(tx, {
    workspaceId: event.workspaceId,
    eventId: event.id,
    type: event.type,
    body: webhookBody(event),
  });
}
