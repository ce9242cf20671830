import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { keys, organizationsQuery, peopleQuery, ticketQuery } from "../queries.ts";
import { Link, navigate } from "../router.tsx";
import { canUse, useSignedIn } from "../session.ts";
import { useTitle } from "../shell/use-title.ts";
import { api } from "../trpc.ts";
import { PriorityBadge, StatusBadge } from "../ui/badges.tsx";
import { categoryLabel, formatDate } from "../ui/format.ts";
import { ErrorNotice, Loading } from "../ui/states.tsx";
import { AgentSuggestions } from "./agent-suggestions.tsx";
import { DraftPanel } from "./draft-panel.tsx";
import { SlaPanel } from "./sla-panel.tsx";

/** One ticket for an agent: facts and controls, the thread, related answers and the AI draft. */
export function AgentTicket({ ticketId }: { ticketId: string }) {
  const client = useQueryClient();
  const ticket = useQuery(ticketQuery(ticketId));
  const people = useQuery(peopleQuery());
  const orgs = useQuery(organizationsQuery());
  useTitle(ticket.data ? `#${ticket.data.number} ${ticket.data.subject}` : "Ticket");
  const me = useSignedIn();
  const fromTicket = useMutation({
    mutationFn: () => api.kb.articles.fromTicket.mutate({ ticketId }),
    onSuccess: (a) => navigate(`/kb/articles/${a.id}`),
  });
  const resolve = useMutation({
    mutationFn: () => api.ticket.tickets.resolve.mutate({ ticketId }),
    onSuccess: (t) => {
      client.setQueryData(keys.ticket(t.id), t);
      void client.invalidateQueries({ queryKey: keys.tickets });
    },
  });
  if (ticket.isPending) return <Loading />;
  if (ticket.isError)
    return (
      <section>
        <h1>Ticket</h1>
        <ErrorNotice error={ticket.error} retry={() => void ticket.refetch()} />
        <Link to="/agent">Back to the queue</Link>
      </section>
    );
  const t = ticket.data;
  const requester = people.data?.get(t.requesterId);
  const org = t.orgId ? orgs.data?.get(t.orgId) : undefined;
  const done = t.status === "resolved" || t.status === "closed";
  return (
    <div className="split ticket-workspace">
      <article className="stack">
        <Link to="/agent">← Queue</Link>
        <h1>
          <span className="muted">#{t.number}</span> {t.subject}
        </h1>
        <dl className="row facts">
          <div>
            <dt>Status</dt>
            <dd>
              <StatusBadge status={t.status} />
            </dd>
          </div>
          <div>
            <dt>Priority</dt>
            <dd>
              <PriorityBadge priority={t.priority} />
            </dd>
          </div>
          <div>
            <dt>Category</dt>
            <dd>{categoryLabel(t.category)}</dd>
          </div>
          <div>
            <dt>Requester</dt>
            <dd>
              {requester?.name ?? "—"}
              {org ? ` (${org.name})` : ""}
            </dd>
          </div>
          <div>
            <dt>Opened</dt>
            <dd>{formatDate(t.createdAt)}</dd>
          </div>
        </dl>
        <div className="row" role="group" aria-label="Ticket actions">
          <button
            type="button"
            className="button-primary"
            disabled={done || resolve.isPending}
            onClick={() => resolve.mutate()}
          >
            {done ? "Resolved" : resolve.isPending ? "Resolving…" : "Resolve"}
          </button>
          {done && canUse(me.roles, "kb") && (
            <button
              type="button"
              disabled={fromTicket.isPending}
              onClick={() => fromTicket.mutate()}
            >
              Turn into a KB article
            </button>
          )}
        </div>
        {resolve.isError && <ErrorNotice error={resolve.error} />}
        {fromTicket.isError && <ErrorNotice error={fromTicket.error} />}
        <SlaPanel ticketId={t.id} version={`${t.status}:${t.priority}:${t.category}`} />
        <h2>Conversation</h2>
        <ol className="thread" aria-label="Conversation">
          <li className="message">
            <header>
              <strong>{requester?.name ?? "Customer"}</strong>
              <span className="muted">{formatDate(t.createdAt)}</span>
            </header>
            <div className="message-body">{t.description}</div>
          </li>
        </ol>
      </article>
      <div className="stack">
        <DraftPanel ticket={t} thread={[]} />
        <AgentSuggestions ticket={t} />
      </div>
    </div>
  );
}
