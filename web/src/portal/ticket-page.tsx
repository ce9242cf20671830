import { useQuery } from "@tanstack/react-query";
import { commentsQuery, ticketQuery } from "../queries.ts";
import { Link, useLocation } from "../router.tsx";
import { useSignedIn } from "../session.ts";
import { useTitle } from "../shell/use-title.ts";
import { Thread } from "../tickets/thread.tsx";
import { TicketFacts } from "../tickets/ticket-facts.tsx";
import { ErrorNotice, Loading } from "../ui/states.tsx";
import { Csat } from "./csat.tsx";
import { TicketFiles } from "./ticket-files.tsx";
import { CustomerReply } from "./customer-reply.tsx";
import { SlaCountdown } from "./sla-countdown.tsx";

/** A ticket as its customer sees it: status and the public conversation. */
export function TicketPage({ ticketId }: { ticketId: string }) {
  const me = useSignedIn();
  const ticket = useQuery(ticketQuery(ticketId));
  const comments = useQuery(commentsQuery(ticketId));
  const { search } = useLocation();
  useTitle(ticket.data ? `#${ticket.data.number} ${ticket.data.subject}` : "Ticket");
  if (ticket.isPending) return <Loading />;
  if (ticket.isError)
    return (
      <section>
        <h1>Ticket</h1>
        <ErrorNotice error={ticket.error} retry={() => void ticket.refetch()} />
        <Link to="/portal">Back to my tickets</Link>
      </section>
    );
  const t = ticket.data;
  return (
    <article>
      {search.get("created") && (
        <p role="status" className="notice notice-success">
          Ticket #{t.number} was submitted. We will reply here and by email.
        </p>
      )}
      {search.get("attachError") && (
        <p role="alert" className="notice notice-error">
          Your ticket was submitted, but a file was not attached ({search.get("attachError")}).
          Attach it to a reply below.
        </p>
      )}
      <h1>
        <span className="muted">#{t.number}</span> {t.subject}
      </h1>
      <TicketFacts ticket={t} />
      <SlaCountdown ticketId={t.id} version={`${t.status}:${t.priority}:${t.updatedAt}`} />
      <Csat ticket={t} />
      <h2>Conversation</h2>
      {comments.isError && (
        <ErrorNotice error={comments.error} retry={() => void comments.refetch()} />
      )}
      <Thread
        ticket={t}
        comments={comments.data ?? []}
        requesterName={t.requesterId === me.userId ? "You" : "A colleague"}
      />
      <TicketFiles comments={comments.data ?? []} />
      <CustomerReply ticket={t} />
    </article>
  );
}
