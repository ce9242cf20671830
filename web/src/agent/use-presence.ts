import { useEffect, useState } from "react";
import type { TPresence, TPresenceMode, TTicketPresence } from "@signpost/contracts";
import { api, writeHeaders } from "../trpc.ts";

/** Beats come well inside the server's 15 s lapse, so a missed one does not blink a person out. */
const beatMs = 5_000;

/**
 * Says "left" as the tab closes or navigates away, when React never unmounts. A keepalive request
 * outlives the page (a beacon could not carry the CSRF header), so the others see the agent go at
 * once instead of after the server's lapse.
 */
const leaveAsPageHides = (ticketId: string) =>
  void fetch("/api/notification/trpc/presence.leave", {
    method: "POST",
    keepalive: true,
    credentials: "include",
    headers: { "content-type": "application/json", ...writeHeaders() },
    body: JSON.stringify({ ticketId }),
  }).catch(() => {});

/**
 * Tells the desk this agent is on `ticketId` (viewing, or replying while they write) and returns
 * the other staff on it, pushed live. Leaving the page or closing the tab says so at once; a tab
 * that dies without a word lapses.
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

  useEffect(() => {
    const onHide = () => leaveAsPageHides(ticketId);
    window.addEventListener("pagehide", onHide);
    return () => {
      window.removeEventListener("pagehide", onHide);
      void api.notification.presence.leave.mutate({ ticketId }).catch(() => {});
    };
  }, [ticketId]);

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
