import { Redis } from "ioredis";
import { ZPresence, type TPresence } from "@signpost/contracts";
import { presenceChannel, type PresenceStore } from "./presence-store.ts";

/**
 * Presence shared by every replica: a Redis hash per ticket (person → their entry and when it
 * lapses), expiring as a whole shortly after its last beat, and a pub/sub channel per ticket that
 * tells each replica's open streams when someone arrives, changes mode or leaves.
 */
export function createRedisPresenceStore(opts: {
  redisUrl: string;
  prefix: string;
}): PresenceStore {
  const quiet = (r: Redis) => {
    // ioredis reconnects by itself; an unheard error would crash the process.
    r.on("error", () => undefined);
    return r;
  };
  const client = quiet(new Redis(opts.redisUrl, { maxRetriesPerRequest: 3 }));
  const subscriber = quiet(new Redis(opts.redisUrl, { maxRetriesPerRequest: null }));
  const listeners = new Map<string, Set<() => void>>();
  subscriber.on("message", (channel: string) => {
    for (const l of listeners.get(channel) ?? []) l();
  });
  const keyOf = (ws: string, ticket: string) => `${opts.prefix}:${presenceChannel(ws, ticket)}`;

  const entries = async (key: string) => {
    const raw = await client.hgetall(key);
    const now = Date.now();
    const out: { who: TPresence; until: number }[] = [];
    for (const value of Object.values(raw)) {
      const parsed = JSON.parse(value) as { who: unknown; until: number };
      const who = ZPresence.safeParse(parsed.who);
      if (who.success && parsed.until > now) out.push({ who: who.data, until: parsed.until });
    }
    return out;
  };

  return {
    async beat(workspaceId, ticketId, who, ttlMs) {
      const key = keyOf(workspaceId, ticketId);
      const previous = await client.hget(key, who.userId);
      const until = Date.now() + ttlMs;
      await client
        .multi()
        .hset(key, who.userId, JSON.stringify({ who, until }))
        .pexpire(key, ttlMs * 2)
        .exec();
      const before = previous ? (JSON.parse(previous) as { who: TPresence; until: number }) : null;
      if (!before || before.until <= Date.now() || before.who.mode !== who.mode) {
        await client.publish(key, "changed");
      }
    },
    async leave(workspaceId, ticketId, userId) {
      const key = keyOf(workspaceId, ticketId);
      if ((await client.hdel(key, userId)) > 0) await client.publish(key, "changed");
    },
    async list(workspaceId, ticketId) {
      return (await entries(keyOf(workspaceId, ticketId))).map((e) => e.who);
    },
    async subscribe(workspaceId, ticketId, changed) {
      const key = keyOf(workspaceId, ticketId);
      let set = listeners.get(key);
      if (!set) {
        set = new Set();
        listeners.set(key, set);
        await subscriber.subscribe(key);
      }
      set.add(changed);
      return () => {
        set.delete(changed);
        if (set.size === 0) {
          listeners.delete(key);
          void subscriber.unsubscribe(key).catch(() => undefined);
        }
      };
    },
    async close() {
      listeners.clear();
      client.disconnect();
      subscriber.disconnect();
    },
  };
}
