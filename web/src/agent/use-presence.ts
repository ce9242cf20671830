import { useEffect, useState } from "react";
import type { TPresence, TPresenceMode, TTicketPresence } from "@signpost/contracts";
import { api } from "../trpc.ts";

/** Beats come well inside the server's 15 s lapse, so a missed one does not blink a person out. */
const beatMs = 5_000;

/**
 * Tells the desk this agent is on `ticketId` (viewing, or replying while they write) and returns
 * the other staff on it, pushed live. Leaving the page says so at once; a closed tab lapses.
 */
export function usePresence(ticketId: string, mode: TPresenceMode, myUserId: string): TPresence[] {
  const [people, setPeople] = useState<TPresence[]>([]);

  useEffect(() => {
    const beat = () =>
      void api.notification.presence.beat.mutate({ ticketId, mode }).catch(() => {});
    beat();
    const timer = setInterval(beat, beatMs);
    return () => clearInterval(timer);
  }, [ticketId, mode]);

  useEffect(
    () => () => void api.notification.presence.leave.mutate({ ticketId }).catch(() => {}),
    [ticketId],
  );

  useEffect(() => {
    setPeople([]);
    const source = new EventSource(
      `/api/notification/live/stream?presence=${encodeURIComponent(ticketId)}`,
    );
    source.addEventListener("presence", (e: MessageEvent<string>) => {
      const p = JSON.parse(e.data) as TTicketPresence;
      if (p.ticketId === ticketId) setPeople(p.people);
    });
    return () => source.close();
  }, [ticketId]);

  return people.filter((p) => p.userId !== myUserId);
}
