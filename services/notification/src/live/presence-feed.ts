import type { TTicketPresence } from "@signpost/contracts";
import type { PresenceStore } from "../presence/presence-store.ts";

/** How often a ticket's presence is read again when nothing was announced (lapsed beats). */
const recheckMs = 5_000;

/**
 * Feeds one stream the presence of one ticket: the current list at once, then again whenever
 * someone arrives, changes mode or leaves (pub/sub), and every few seconds for beats that lapsed
 * without a word (a closed laptop). Sends only when the list changed.
 */
export async function feedPresence(
  store: PresenceStore,
  scope: { workspaceId: string; ticketId: string },
  send: (p: TTicketPresence) => Promise<void>,
): Promise<() => void> {
  let last = "";
  let busy: Promise<void> | undefined;
  const push = () => {
    busy ??= (async () => {
      try {
        const people = (await store.list(scope.workspaceId, scope.ticketId)).sort((a, b) =>
          a.userId.localeCompare(b.userId),
        );
        const text = JSON.stringify(people);
        if (text !== last) {
          last = text;
          await send({ ticketId: scope.ticketId, people });
        }
      } catch {
        // Redis away or the stream closed: the next change or recheck tries again.
      } finally {
        busy = undefined;
      }
    })();
  };
  const unsubscribe = await store.subscribe(scope.workspaceId, scope.ticketId, push);
  const timer = setInterval(push, recheckMs);
  push();
  return () => {
    clearInterval(timer);
    unsubscribe();
  };
}
