import { randomUUID } from "node:crypto";
import {
  latestVersion,
  parseEvent,
  type EventOf,
  type EventType,
  type LatestPayloadOf,
} from "@signpost/contracts";

/**
 * Builds and validates an event at its type's latest version.
 *
 * @example
 * const e = buildEvent("ticket.resolved", { workspaceId, orgId, payload: { ticketId, number, resolvedAt } });
 */
export function buildEvent<T extends EventType>(
  type: T,
  fields: {
    workspaceId: string;
    orgId: string | null;
    payload: LatestPayloadOf<T>;
    requestId?: string;
  },
): EventOf<T> {
  return parseEvent({
    id: randomUUID(),
    type,
    version: latestVersion[type],
    occurredAt: new Date().toISOString(),
    ...fields,
  }) as EventOf<T>;
}
