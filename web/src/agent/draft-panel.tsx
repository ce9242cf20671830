import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { TDraftReply, TTicket } from "@signpost/contracts";
import { Link } from "../router.tsx";
import { api } from "../trpc.ts";
import { ErrorNotice } from "../ui/states.tsx";

/** Source numbers the text still cites, e.g. "[1]" and "[3]". */
export const citedNumbers = (text: string) =>
  new Set([...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));

const sourceLink = (s: TDraftReply["sources"][number]) =>
  s.kind === "article" ? `/help/articles/${s.id}` : `/agent/tickets/${s.id}`;

/**
 * Drafts a reply grounded in the KB and resolved tickets, with numbered citations. The agent edits
 * it here and inserts it into the reply.
 */
export function DraftPanel({
  ticket,
  thread,
  onInsert,
}: {
  ticket: TTicket;
  /** The public thread so far (never internal notes: the draft may quote it). */
  thread: string[];
  onInsert?: (text: string, draft: TDraftReply) => void;
}) {
  const [text, setText] = useState("");
  const draft = useMutation({
    mutationFn: () =>
      api.kb.drafts.draft.mutate({
        ticketId: ticket.id,
        subject: ticket.subject,
        description: ticket.description,
        thread,
      }),
    onSuccess: (d) => setText(d.text),
  });
  const cited = citedNumbers(text);
  return (
    <section className="card stack" aria-labelledby="draft-heading">
      <div className="spread">
        <h2 id="draft-heading">AI draft</h2>
        <button type="button" onClick={() => draft.mutate()} disabled={draft.isPending}>
          {draft.isPending ? "Drafting…" : draft.data ? "Draft again" : "Draft a reply"}
        </button>
      </div>
      {draft.isError && <ErrorNotice error={draft.error} retry={() => draft.mutate()} />}
      {draft.data && (
        <>
          <p className="muted small" role="status">
            {draft.data.grounded
              ? `Written ${draft.data.generatedBy === "llm" ? "by the assistant" : "from quoted passages"} using ${draft.data.sources.length} ${draft.data.sources.length === 1 ? "source" : "sources"}. Check it before sending.`
              : "Nothing in the knowledge base matched; write this one yourself."}
          </p>
          {/* A label beside, not around, the textarea: wrapped, its text would join the name. */}
          <div className="field">
            <label htmlFor="draft-text">Draft</label>
            <textarea
              id="draft-text"
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={10}
            />
          </div>
          {draft.data.sources.length > 0 && (
            <ol className="draft-sources" aria-label="Sources">
              {draft.data.sources.map((s) => (
                <li key={s.id} value={s.n}>
                  <Link to={sourceLink(s)}>{s.title}</Link>{" "}
                  <span className="muted small">
                    ({s.kind === "article" ? "article" : "resolved ticket"}
                    {cited.has(s.n) ? ", cited" : ", not cited"})
                  </span>
                  <details>
                    <summary>Passage</summary>
                    <p className="small">{s.passage}</p>
                  </details>
                </li>
              ))}
            </ol>
          )}
          {onInsert && (
            <div>
              <button
                type="button"
                className="button-primary"
                disabled={!text.trim()}
                onClick={() => onInsert(text, draft.data)}
              >
                Insert into reply
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
