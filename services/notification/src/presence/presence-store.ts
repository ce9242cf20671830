import { EventEmitter } from "node:events";
import type { TPresence } from "@signpost/contracts";

/** Where a workspace's ticket presence lives: shared by replicas (Redis) or in this process. */
export interface PresenceStore {
  /** Records `who` on the ticket until `ttlMs` from now; tells subscribers when it changed. */
  beat(workspaceId: string, ticketId: string, who: TPresence, ttlMs: number): Promise<void>;
  leave(workspaceId: string, ticketId: string, userId: string): Promise<void>;
  /** Who is on the ticket now (lapsed beats left out). */
  list(workspaceId: string, ticketId: string): Promise<TPresence[]>;
  /** `changed` runs when someone arrives, changes mode or leaves (not when a beat lapses). */
  subscribe(workspaceId: string, ticketId: string, changed: () => void): Promise<() => void>;
  close(): Promise<void>;
}

export const presenceChannel = (workspaceId: string, ticketId: string) =>
  `presence:${workspaceId}:${ticketId}`;

/** The embedded mode's store: one process, so a map with expiry times and an event emitter. */
export function createMemoryPresenceStore(): PresenceStore {
  const tickets = new Map<string, Map<string, { who: TPresence; until: number }>>();
  const events = new EventEmitter().setMaxListeners(0);
  const live = (key: string) => {
    const people = tickets.get(key) ?? new Map<string, { who: TPresence; until: number }>();
    for (const [id, p] of people) if (p.until <= Date.now()) people.delete(id);
    if (people.size === 0) tickets.delete(key);
    return people;
  };
  return {
    async beat(workspaceId, ticketId, who, ttlMs) {
      const key = presenceChannel(workspaceId, ticketId);
      const people = live(key);
      const before = people.get(who.userId)?.who.mode;
      people.set(who.userId, { who, until: Date.now() + ttlMs });
      tickets.set(key, people);
      if (before !== who.mode) events.emit(key);
    },
    async leave(workspaceId, ticketId, userId) {
      const key = presenceChannel(workspaceId, ticketId);
      if (live(key).delete(userId)) events.emit(key);
    },
    async list(workspaceId, ticketId) {
      return [...live(presenceChannel(workspaceId, ticketId)).values()].map((p) => p.who);
    },
    async subscribe(workspaceId, ticketId, changed) {
      const key = presenceChannel(workspaceId, ticketId);
      events.on(key, changed);
      return () => void events.off(key, changed);
    },
    async close() {
      events.removeAllListeners();
      tickets.clear();
    },
  };
}
