import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { TNotification, TTicketActivity } from "@signpost/contracts";
import { keys } from "../queries.ts";
import { ticketActivityHandler } from "./ticket-activity.ts";

/**
 * One live stream per signed-in tab: each notification refreshes what it is about (the queue, the
 * ticket and its thread) and lands in the bell. EventSource reconnects by itself and resumes
 * after the last event it saw. Staff streams also carry `ticket` events (someone changed a
 * ticket), which refresh the queue.
 */
export function useLiveUpdates(userId: string | null) {
  const client = useQueryClient();
  useEffect(() => {
    if (!userId) return;
    const source = new EventSource("/api/notification/live/stream");
    source.addEventListener("notification", (e: MessageEvent<string>) => {
      const n = JSON.parse(e.data) as TNotification;
      client.setQueryData(keys.notifications, (old: TNotification[] | undefined) =>
        old ? [n, ...old.filter((o) => o.id !== n.id)] : old,
      );
      void client.invalidateQueries({ queryKey: keys.unread });
      void client.invalidateQueries({ queryKey: keys.tickets });
      if (n.ticketId) {
        void client.invalidateQueries({ queryKey: keys.ticket(n.ticketId) });
        void client.invalidateQueries({ queryKey: keys.comments(n.ticketId) });
      }
    });
    const activity = ticketActivityHandler(client);
    source.addEventListener("ticket", (e: MessageEvent<string>) => {
      activity.heard(JSON.parse(e.data) as TTicketActivity);
    });
    return () => {
      source.close();
      activity.stop();
    };
  }, [userId, client]);
}
