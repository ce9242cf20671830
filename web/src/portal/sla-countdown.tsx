import { useQuery } from "@tanstack/react-query";
import { api } from "../trpc.ts";
import { formatDate, formatRelative } from "../ui/format.ts";
import { useNow } from "../ui/use-now.ts";

function Due({ label, at, now }: { label: string; at: string; now: number }) {
  const late = Date.parse(at) < now;
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        <time dateTime={at} title={formatDate(at)}>
          {late ? "Overdue, we are on it" : `By ${formatDate(at)} (${formatRelative(at, now)})`}
        </time>
      </dd>
    </div>
  );
}

/** When the customer can expect a first reply and a resolution (the ticket's SLA). */
export function SlaCountdown({ ticketId, version }: { ticketId: string; version: string }) {
  const now = useNow();
  const sla = useQuery({
    queryKey: ["ticket", "sla", "countdown", ticketId, version] as const,
    queryFn: ({ signal }) => api.ticket.sla.countdown.query({ ticketId }, { signal }),
    refetchInterval: 60_000,
  });
  // The countdown is a courtesy: when it cannot load, the page goes on without it.
  if (!sla.data || sla.data.state === "none" || sla.data.state === "met") return null;
  const s = sla.data;
  return (
    <section aria-labelledby="expect-heading" className="card">
      <h2 id="expect-heading">What to expect</h2>
      {s.state === "paused" ? (
        <p>We are waiting for your reply; the clock is paused until then.</p>
      ) : (
        <dl className="row facts">
          {s.firstResponseDueAt && <Due label="First reply" at={s.firstResponseDueAt} now={now} />}
          {s.resolutionDueAt && <Due label="Resolution" at={s.resolutionDueAt} now={now} />}
        </dl>
      )}
    </section>
  );
}
