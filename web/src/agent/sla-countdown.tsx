import { useQuery } from "@tanstack/react-query";
import type { TSlaState, TTicket } from "@signpost/contracts";
import { api } from "../trpc.ts";
import { formatDate, formatRelative } from "../ui/format.ts";
import { slaStateLabels } from "./options.ts";
import { rowSla, type RowSla } from "./sla-of-row.ts";

const stateClass: Record<TSlaState, string> = {
  ok: "status-open",
  warning: "status-in_progress",
  breached: "priority-urgent",
  paused: "status-waiting_on_customer",
  met: "status-resolved",
};

function Countdown({ sla, now }: { sla: RowSla; now: number }) {
  const overdue = sla.dueAt ? Date.parse(sla.dueAt) < now : false;
  // A running target whose due time passed is breached now, even if the state was read before.
  const running = !sla.state || sla.state === "ok" || sla.state === "warning";
  const state = running && overdue ? "breached" : (sla.state ?? "ok");
  return (
    <span className="sla-cell">
      <span className={`badge ${stateClass[state]}`}>{slaStateLabels[state]}</span>{" "}
      {sla.dueAt && state !== "met" && state !== "paused" && (
        <span className="small" title={formatDate(sla.dueAt)}>
          due {formatRelative(sla.dueAt, now)}
        </span>
      )}
    </span>
  );
}

/** Until rows carry their SLA, a cell asks for it (batched with the page's other cells). */
function FetchedCountdown({ ticket, now }: { ticket: TTicket; now: number }) {
  const version = `${ticket.statusKey}:${ticket.priority}:${ticket.updatedAt}`;
  const sla = useQuery({
    queryKey: ["ticket", "sla", ticket.id, version] as const,
    queryFn: ({ signal }) => api.ticket.sla.ticket.query({ ticketId: ticket.id }, { signal }),
    staleTime: 60_000,
  });
  if (!sla.data) return <span className="muted">…</span>;
  return <Countdown sla={{ state: sla.data.state, dueAt: sla.data.dueAt }} now={now} />;
}

/** The SLA column: state and time to the nearest running target. */
export function SlaCell({ ticket, now }: { ticket: TTicket; now: number }) {
  if (ticket.status === "closed" || ticket.status === "resolved")
    return <span className="muted">—</span>;
  const fromRow = rowSla(ticket);
  if (fromRow === null) return <span className="muted">—</span>;
  return fromRow ? (
    <Countdown sla={fromRow} now={now} />
  ) : (
    <FetchedCountdown ticket={ticket} now={now} />
  );
}
