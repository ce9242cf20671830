import { useSignedIn } from "../session.ts";
import { usePresence } from "./use-presence.ts";

/**
 * "Alex is viewing" / "Sam is replying": who else is on this ticket, so two agents do not answer
 * the same customer at once. Shows nothing when the agent is alone.
 */
export function PresenceBar({ ticketId, replying }: { ticketId: string; replying: boolean }) {
  const me = useSignedIn();
  const others = usePresence(ticketId, replying ? "replying" : "viewing", me.userId);
  return (
    <p className="presence-bar muted" role="status" aria-live="polite">
      {others.map((p, i) => (
        <span key={p.userId} className={p.mode === "replying" ? "presence-replying" : undefined}>
          {i > 0 ? " · " : ""}
          {p.name} is {p.mode}
        </span>
      ))}
    </p>
  );
}
