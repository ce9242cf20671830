import type { TSlaState, TTicketRow, TTicketRowSla } from "@signpost/contracts";
import { formatDate, formatRelative } from "../ui/format.ts";
import { slaStateLabels } from "./options.ts";

const stateClass: Record<TSlaState, string> = {
  ok: "status-open",
  warning: "status-in_progress",
  breached: "priority-urgent",
  paused: "status-waiting_on_customer",
  met: "status-resolved",
};

function Countdown({ sla, now }: { sla: TTicketRowSla; now: number }) {
  const overdue = sla.dueAt ? Date.parse(sla.dueAt) < now : false;
  // A running target whose due time passed is breached now, even if the row was read before.
  const running = sla.state === "ok" || sla.state === "warning";
  const state = running && overdue ? "breached" : sla.state;
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

/** The SLA column: state and time to the nearest running target, as the search row carries it. */
export function SlaCell({ ticket, now }: { ticket: TTicketRow; now: number }) {
  if (ticket.status === "closed" || ticket.status === "resolved" || !ticket.sla)
    return <span className="muted">—</span>;
  return <Countdown sla={ticket.sla} now={now} />;
}
