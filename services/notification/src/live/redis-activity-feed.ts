import { Redis } from "ioredis";
import { ZTicketActivity } from "@signpost/contracts";
import { activityChannel, type TicketActivityFeed } from "./ticket-activity.ts";

/**
 * Ticket activity shared by every replica: a pub/sub channel per workspace. The replica that
 * consumed the event publishes; each replica subscribes once per workspace that has open staff
 * streams and fans out to them.
 */
export function createRedisActivityFeed(opts: {
  redisUrl: string;
  prefix: string;
}): TicketActivityFeed {
  const quiet = (r: Redis) => {
    // ioredis reconnects by itself; an unheard error would crash the process.
    r.on("error", () => undefined);
    return r;
  };
  const client = quiet(new Redis(opts.redisUrl, { maxRetriesPerRequest: 3 }));
  const subscriber = quiet(new Redis(opts.redisUrl, { maxRetriesPerRequest: null }));
  const listeners = new Map<string, Set<Parameters<TicketActivityFeed["subscribe"]>[1]>>();
  subscriber.on("message", (channel: string, message: string) => {
    const set = listeners.get(channel);
    if (!set) return;
    let parsed;
    try {
      parsed = ZTicketActivity.safeParse(JSON.parse(message));
    } catch {
      return;
    }
    if (parsed.success) for (const l of set) l(parsed.data);
  });
  const keyOf = (ws: string) => `${opts.prefix}:${activityChannel(ws)}`;

  return {
    async publish(workspaceId, activity) {
      await client.publish(keyOf(workspaceId), JSON.stringify(activity));
    },
    async subscribe(workspaceId, heard) {
      const key = keyOf(workspaceId);
      let set = listeners.get(key);
      if (!set) {
        set = new Set();
        listeners.set(key, set);
        await subscriber.subscribe(key);
      }
      set.add(heard);
      return () => {
        set.delete(heard);
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
