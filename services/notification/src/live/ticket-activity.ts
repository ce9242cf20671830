import { EventEmitter } from "node:events";
import { ZTicketActivityKind, type DomainEvent, type TTicketActivity } from "@signpost/contracts";

/** A signal for the staff streams of one workspace. */
export interface WorkspaceActivity {
  workspaceId: string;
  activity: TTicketActivity;
}

/**
 * "Something about ticket X changed" for a workspace's staff streams, on every replica: Redis
 * pub/sub when there are several, an event emitter in the embedded mode. Fire and forget; a
 * stream that missed one refetches on reconnect anyway.
 */
export interface TicketActivityFeed {
  /** Announces several signals at once (one round trip where the feed is shared). */
  publish(items: readonly WorkspaceActivity[]): Promise<void>;
  subscribe(workspaceId: string, heard: (a: TTicketActivity) => void): Promise<() => void>;
  close(): Promise<void>;
}

export const activityChannel = (workspaceId: string) => `ticket-activity:${workspaceId}`;

/**
 * The signal a consumed ticket event gives, or null for other events. Only the id, number and
 * kind are taken from the event, so no text (a comment's body, a note) can reach a stream.
 */
export function activityOf(event: DomainEvent): TTicketActivity | null {
  if (!event.type.startsWith("ticket.")) return null;
  const kind = ZTicketActivityKind.safeParse(event.type.slice("ticket.".length));
  if (!kind.success) return null;
  const p = event.payload as { ticketId: string; number?: number };
  return {
    ticketId: p.ticketId,
    ...(p.number === undefined ? {} : { number: p.number }),
    kind: kind.data,
    at: new Date().toISOString(),
  };
}

/** The embedded mode's feed: one process, so an event emitter. */
export function createMemoryActivityFeed(): TicketActivityFeed {
  const events = new EventEmitter().setMaxListeners(0);
  return {
    async publish(items) {
      for (const { workspaceId, activity } of items) {
        events.emit(activityChannel(workspaceId), activity);
      }
    },
    async subscribe(workspaceId, heard) {
      const key = activityChannel(workspaceId);
      events.on(key, heard);
      return () => void events.off(key, heard);
    },
    async close() {
      events.removeAllListeners();
    },
  };
}
