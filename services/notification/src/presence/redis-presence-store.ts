import { ZPresence, type TPresence } from "@signpost/contracts";
import { createRedisChannels } from "../live/redis-channels.ts";
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
  const channels = createRedisChannels(opts.redisUrl);
  const { client } = channels;
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
    subscribe(workspaceId, ticketId, changed) {
      return channels.listen(keyOf(workspaceId, ticketId), () => changed());
    },
    async close() {
      channels.close();
    },
  };
}
