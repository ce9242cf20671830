import { Redis } from "ioredis";

/** Redis pub/sub shared by a replica's live feeds: one command client, one subscriber. */
export interface RedisChannels {
  /** For publishing and for the feed's own commands. */
  client: Redis;
  /**
   * Hears `channel` until the returned function is called. The replica subscribes to a channel
   * once, however many streams listen, and unsubscribes when the last one goes.
   */
  listen(channel: string, heard: (message: string) => void): Promise<() => void>;
  close(): void;
}

export function createRedisChannels(redisUrl: string): RedisChannels {
  const quiet = (r: Redis) => {
    // ioredis reconnects by itself; an unheard error would crash the process.
    r.on("error", () => undefined);
    return r;
  };
  const client = quiet(new Redis(redisUrl, { maxRetriesPerRequest: 3 }));
  const subscriber = quiet(new Redis(redisUrl, { maxRetriesPerRequest: null }));
  const listeners = new Map<string, Set<(message: string) => void>>();
  subscriber.on("message", (channel: string, message: string) => {
    for (const l of listeners.get(channel) ?? []) l(message);
  });

  return {
    client,
    async listen(channel, heard) {
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        await subscriber.subscribe(channel);
      }
      set.add(heard);
      return () => {
        set.delete(heard);
        if (set.size === 0) {
          listeners.delete(channel);
          void subscriber.unsubscribe(channel).catch(() => undefined);
        }
      };
    },
    close() {
      listeners.clear();
      client.disconnect();
      subscriber.disconnect();
    },
  };
}
