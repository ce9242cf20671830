import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { TTicket, TTicketDetail } from "@signpost/contracts";
import { keys } from "../queries.ts";
import { Link, navigate } from "../router.tsx";
import { api } from "../trpc.ts";
import { useDebounced } from "../ui/use-debounced.ts";
import { ErrorNotice } from "../ui/states.tsx";

const linkText: Record<TTicketDetail["links"][number]["kind"], string> = {
  merged_into: "Merged into",
  merged_from: "Merged from",
  split_into: "Split into",
  split_from: "Split from",
};

/** Tickets this one was merged with or split from, both ways. */
export function TicketLinks({ ticket }: { ticket: TTicketDetail }) {
  if (ticket.links.length === 0) return null;
  return (
    <ul className="plain small" aria-label="Linked tickets">
      {ticket.links.map((l) => (
        <li key={`${l.kind}:${l.ticketId}`}>
          {linkText[l.kind]} <Link to={`/agent/tickets/${l.ticketId}`}>#{l.number}</Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * Merges this ticket into another, found by number or words: this one closes and its thread
 * continues on the one kept, which the agent is taken to.
 */
export function MergeTicket({ ticket }: { ticket: TTicket }) {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [target, setTarget] = useState<TTicket | null>(null);
  const query = useDebounced(text.trim(), 250);
  const found = useQuery({
    queryKey: [...keys.tickets, "merge-target", query] as const,
    queryFn: ({ signal }) =>
      api.ticket.tickets.search.query(
        {
          filters: {
            text: query,
            status: ["open", "in_progress", "waiting_on_customer", "resolved"],
          },
          limit: 8,
        },
        { signal },
      ),
    enabled: open && query.length > 0,
  });
  const merge = useMutation({
    mutationFn: (into: TTicket) =>
      api.ticket.tickets.merge.mutate({ sourceTicketId: ticket.id, targetTicketId: into.id }),
    onSuccess: (kept) => {
      void client.invalidateQueries({ queryKey: keys.tickets });
      void client.invalidateQueries({ queryKey: keys.ticket(ticket.id) });
      navigate(`/agent/tickets/${kept.id}`);
    },
  });
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)} disabled={ticket.status === "closed"}>
        Merge into another ticket…
      </button>
    );
  const candidates = (found.data?.tickets ?? []).filter((t) => t.id !== ticket.id);
  return (
    <section className="card stack" aria-labelledby="merge-heading">
      <h2 id="merge-heading">Merge #{ticket.number} into…</h2>
      <label className="field">
        <span>Find the ticket to keep (number or words)</span>
        <input
          type="search"
          autoFocus
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setTarget(null);
          }}
        />
      </label>
      {found.isError && <ErrorNotice error={found.error} />}
      {query && found.data && candidates.length === 0 && (
        <p className="muted small">No other ticket matches.</p>
      )}
      {candidates.length > 0 && (
        <ul className="plain" aria-label="Merge candidates">
          {candidates.map((t) => (
            <li key={t.id}>
              <label>
                <input
                  type="radio"
                  name="merge-target"
                  checked={target?.id === t.id}
                  onChange={() => setTarget(t)}
                />{" "}
                #{t.number} {t.subject}
              </label>
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <button
          type="button"
          className="button-danger"
          disabled={!target || merge.isPending}
          onClick={() => target && merge.mutate(target)}
        >
          {target ? `Merge into #${target.number}` : "Merge"}
        </button>
        <button type="button" className="button-quiet" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      {merge.isError && <ErrorNotice error={merge.error} />}
    </section>
  );
}
