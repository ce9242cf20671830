import { useQuery } from "@tanstack/react-query";
import type { TTicketSla } from "@signpost/contracts";
import { api } from "../trpc.ts";
import { formatDate, formatRelative } from "../ui/format.ts";
import { useNow } from "../ui/use-now.ts";
import { ErrorNotice } from "../ui/states.tsx";

const stateText: Record<TTicketSla["state"], string> = {
  ok: "On track",
  warning: "Due soon",
  breached: "Breached",
  paused: "Paused (waiting on customer)",
  met: "Met",
};

const stateClass: Record<TTicketSla["state"], string> = {
  ok: "status-open",
  warning: "status-in_progress",
  breached: "priority-urgent",
  paused: "status-waiting_on_customer",
  met: "status-resolved",
};

function Target({
  label,
  metric,
  now,
}: {
  label: string;
  metric: TTicketSla["firstResponse"];
  now: number;
}) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        {metric.state === "met" ? (
          "Met"
        ) : metric.state === "breached" ? (
          `Breached${metric.dueAt ? ` ${formatRelative(metric.dueAt, now)}` : ""}`
        ) : metric.dueAt ? (
          <span title={formatDate(metric.dueAt)}>Due {formatRelative(metric.dueAt, now)}</span>
        ) : (
          "No target"
        )}
      </dd>
    </div>
  );
}

/** The ticket's SLA: its state and a countdown to each target. */
export function SlaPanel({ ticketId, version }: { ticketId: string; version: string }) {
  const now = useNow();
  const sla = useQuery({
    queryKey: ["ticket", "sla", ticketId, version] as const,
    queryFn: ({ signal }) => api.ticket.sla.ticket.query({ ticketId }, { signal }),
    refetchInterval: 60_000,
  });
  if (sla.isError) return <ErrorNotice error={sla.error} />;
  if (!sla.data) return null;
  const s = sla.data;
  return (
    <section aria-labelledby="sla-heading" className="sla">
      <h2 id="sla-heading" className="row">
        SLA <span className={`badge ${stateClass[s.state]}`}>{stateText[s.state]}</span>
      </h2>
      <dl className="row facts">
        <Target label="First response" metric={s.firstResponse} now={now} />
        <Target label="Resolution" metric={s.resolution} now={now} />
      </dl>
      {s.policyId === null && <p className="muted small">Default targets for its priority.</p>}
    </section>
  );
}
