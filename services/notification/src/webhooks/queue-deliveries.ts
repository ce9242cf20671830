import type { DomainEvent } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { cachedLookup } from "../dispatch/projection-cache.ts";
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
  // Most workspaces subscribe no endpoint to most types: a cached answer saves the insert.
  const subscribed = await cachedLookup(tx, "webhooks", `${event.workspaceId}:${event.type}`, () =>
    webhookRepository.hasSubscribers(tx, event.workspaceId, event.type),
  );
  if (!subscribed) return 0;
  return webhookRepository.queueDeliveries(tx, {
    workspaceId: event.workspaceId,
    eventId: event.id,
    type: event.type,
    body: webhookBody(event),
  });
}
