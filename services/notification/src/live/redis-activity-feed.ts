import { ZTicketActivity } from "@signpost/contracts";
import { createRedisChannels } from "./redis-channels.ts";
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
  const channels = createRedisChannels(opts.redisUrl);
  const keyOf = (ws: string) => `${opts.prefix}:${activityChannel(ws)}`;

  return {
    async publish(items) {
      const pipeline = channels.client.pipeline();
      for (const { workspaceId, activity } of items) {
        pipeline.publish(keyOf(workspaceId), JSON.stringify(activity));
      }
      // A pipeline reports each command's failure in its results rather than by throwing.
      const failed = (await pipeline.exec())?.find(([error]) => error)?.[0];
      if (failed) throw failed;
    },
    subscribe(workspaceId, heard) {
      return channels.listen(keyOf(workspaceId), (message) => {
        let parsed;
        try {
          parsed = ZTicketActivity.safeParse(JSON.parse(message));
        } catch {
          return;
        }
        if (parsed.success) heard(parsed.data);
      });
    },
    async close() {
      channels.close();
    },
  };
}
