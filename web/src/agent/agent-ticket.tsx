import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { commentsQuery, keys, organizationsQuery, peopleQuery, ticketQuery } from "../queries.ts";
import { Link, navigate } from "../router.tsx";
import { canUse, useSignedIn } from "../session.ts";
import { useTitle } from "../shell/use-title.ts";
import { Thread } from "../tickets/thread.tsx";
import { TicketFacts } from "../tickets/ticket-facts.tsx";
import { api } from "../trpc.ts";
import { ErrorNotice, Loading } from "../ui/states.tsx";
import { AgentSuggestions } from "./agent-suggestions.tsx";
import { Composer, emptyComposer, type ComposerState } from "./composer.tsx";
import { CustomFields } from "./custom-fields.tsx";
import { DraftPanel } from "./draft-panel.tsx";
import { MacroPicker } from "./macro-picker.tsx";
import { MergeTicket, TicketLinks } from "./merge-ticket.tsx";
import { PresenceBar } from "./presence-bar.tsx";
import { SlaPanel } from "./sla-panel.tsx";
import { SplitComment } from "./split-comment.tsx";
import { TagsEditor } from "./tags-editor.tsx";
import { TicketAttachments } from "./ticket-attachments.tsx";
import { TicketControls } from "./ticket-controls.tsx";

/**
 * One ticket for an agent: fields and controls (tags, custom fields, merge, split), the thread,
 * macros and the composer, related answers, the AI draft and the ticket's files.
 */
export function AgentTicket({ ticketId }: { ticketId: string }) {
  const client = useQueryClient();
  const me = useSignedIn();
  const ticket = useQuery(ticketQuery(ticketId));
  const comments = useQuery(commentsQuery(ticketId));
  const people = useQuery(peopleQuery());
  const orgs = useQuery(organizationsQuery());
  const [composer, setComposer] = useState<ComposerState>(emptyComposer);
  const composerText = useRef<HTMLTextAreaElement>(null);
  useTitle(ticket.data ? `#${ticket.data.number} ${ticket.data.subject}` : "Ticket");
  const fromTicket = useMutation({
    mutationFn: () => api.kb.articles.fromTicket.mutate({ ticketId }),
    onSuccess: (a) => navigate(`/kb/articles/${a.id}`),
  });
  const resolve = useMutation({
    mutationFn: () => api.ticket.tickets.resolve.mutate({ ticketId }),
    onSuccess: (t) => {
      client.setQueryData(keys.ticket(t.id), (old: object | undefined) => ({ ...old, ...t }));
      void client.invalidateQueries({ queryKey: keys.tickets });
      void client.invalidateQueries({ queryKey: ["ticket", "sla", t.id] });
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
  // The draft may quote the conversation, never internal notes.
  const publicThread = (comments.data ?? [])
    .filter((c) => c.visibility === "public")
    .map((c) => `${c.authorName}: ${c.body}`);
  return (
    <div className="split ticket-workspace">
      <article className="stack">
        <Link to="/agent">← Queue</Link>
        <h1>
          <span className="muted">#{t.number}</span> {t.subject}
        </h1>
        <PresenceBar ticketId={t.id} replying={!!(composer.reply.trim() || composer.note.trim())} />
        <TicketFacts
          ticket={t}
          requester={`${requester?.name ?? "—"}${org ? ` (${org.name})` : ""}`}
        />
        <TicketLinks ticket={t} />
        <TicketControls ticket={t} />
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
        <MergeTicket ticket={t} />
        <SlaPanel ticketId={t.id} version={`${t.statusKey}:${t.priority}:${t.updatedAt}`} />
        <TagsEditor ticket={t} />
        <CustomFields ticket={t} />
        <h2>Conversation</h2>
        {comments.isError && (
          <ErrorNotice error={comments.error} retry={() => void comments.refetch()} />
        )}
        <Thread
          ticket={t}
          comments={comments.data ?? []}
          requesterName={requester?.name ?? "Customer"}
          commentActions={(c) => <SplitComment comment={c} />}
        />
        <MacroPicker ticketId={t.id} />
        <Composer ticketId={t.id} state={composer} onChange={setComposer} textRef={composerText} />
      </article>
      <div className="stack">
        <DraftPanel
          ticket={t}
          thread={publicThread}
          onInsert={(text, draft) => {
            setComposer({ ...composer, mode: "public", reply: text, draft });
            composerText.current?.focus();
          }}
        />
        <AgentSuggestions ticket={t} />
        <TicketAttachments comments={comments.data ?? []} />
      </div>
    </div>
  );
}
