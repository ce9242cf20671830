import type { QueryClient } from "@tanstack/react-query";
import type { TTicketActivity } from "@signpost/contracts";
import { keys } from "../queries.ts";

/** A bulk action changes many tickets at once: their signals share one refetch. */
const settleMs = 300;

/**
 * Handles the staff stream's `ticket` events (someone changed a ticket): after a short quiet
 * spell, refetches the queue once and each ticket named, so a change by another agent shows
 * within a second or so instead of at the next poll.
 */
export function ticketActivityHandler(client: QueryClient) {
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    void client.invalidateQueries({ queryKey: keys.tickets });
    for (const id of pending) {
      void client.invalidateQueries({ queryKey: keys.ticket(id) });
      void client.invalidateQueries({ queryKey: keys.comments(id) });
    }
    pending.clear();
  };
  return {
    heard(a: TTicketActivity) {
      pending.add(a.ticketId);
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, settleMs);
    },
    stop() {
      if (timer) clearTimeout(timer);
    },
  };
}
