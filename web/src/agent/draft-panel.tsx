import type { TDraftReply, TTicket } from "@signpost/contracts";
import { Fragment } from "react";
import { useDraftStream, type DraftStreamState } from "./use-draft-stream.ts";

type Source = TDraftReply["sources"][number];

/** Source numbers the text still cites, e.g. "[1]" and "[3]". */
export const citedNumbers = (text: string) =>
  new Set([...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));

const sourceLink = (s: Source) =>
  s.kind === "article" ? `/help/articles/${s.id}` : `/agent/tickets/${s.id}`;

/** The text with each "[n]" that names a source turned into a link to it. */
function CitedText({ text, sources }: { text: string; sources: Source[] }) {
  const parts = text.split(/(\[\d+\])/);
  return (
    <>
      {parts.map((part, i) => {
        const n = /^\[(\d+)\]$/.exec(part)?.[1];
        const source = n ? sources.find((s) => s.n === Number(n)) : undefined;
        if (!source) return <Fragment key={i}>{part}</Fragment>;
        return (
          <a
            key={i}
            href={sourceLink(source)}
            target="_blank"
            rel="noopener"
            className="citation"
            title={source.title}
            aria-label={`Source ${source.n}: ${source.title}`}
          >
            [{source.n}]
          </a>
        );
      })}
    </>
  );
}

function statusLine(s: DraftStreamState): string {
  switch (s.phase) {
    case "idle":
      return "";
    case "finding":
      return "Looking for sources…";
    case "writing":
      return `Writing from ${s.sources.length} ${s.sources.length === 1 ? "source" : "sources"}…`;
    case "stopped":
      return "Stopped. Draft again to get a complete reply.";
    case "error":
      return "";
    case "done":
      if (!s.draft?.grounded)
        return "Nothing in the knowledge base matched; write this one yourself.";
      return `Written ${s.draft.generatedBy === "llm" ? "by the assistant" : "from quoted passages"} using ${s.sources.length} ${s.sources.length === 1 ? "source" : "sources"}. Check it before sending.`;
  }
}

/**
 * Streams a reply grounded in the KB and resolved tickets: the text appears as it is written,
 * each numbered citation links to its source, and the finished draft goes into the reply composer
 * for the agent to edit and send.
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
  const { state, start, stop } = useDraftStream();
  const busy = state.phase === "finding" || state.phase === "writing";
  const cited = citedNumbers(state.text);
  const draft = () =>
    void start({
      ticketId: ticket.id,
      subject: ticket.subject,
      description: ticket.description,
      thread,
    });
  const status = statusLine(state);
  return (
    <section className="card stack" aria-labelledby="draft-heading" aria-busy={busy}>
      <div className="spread">
        <h2 id="draft-heading">AI draft</h2>
        {busy ? (
          <button type="button" onClick={stop}>
            Stop drafting
          </button>
        ) : (
          <button type="button" onClick={draft}>
            {state.phase === "idle" ? "Draft a reply" : "Draft again"}
          </button>
        )}
      </div>
      <p className="muted small" role="status">
        {status}
      </p>
      {state.phase === "error" && (
        <div role="alert" className="notice notice-error">
          <span>{state.error}</span>
          <button type="button" className="link-button" onClick={draft}>
            Try again
          </button>
        </div>
      )}
      {state.text && (
        <section aria-label="Draft text" className="draft-text">
          <CitedText text={state.text} sources={state.sources} />
          {busy && <span className="draft-caret" aria-hidden="true" />}
        </section>
      )}
      {state.sources.length > 0 && (
        <ol className="draft-sources" aria-label="Sources">
          {state.sources.map((s) => (
            <li key={s.id} value={s.n}>
              <a href={sourceLink(s)} target="_blank" rel="noopener">
                {s.title}
              </a>{" "}
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
      {onInsert && state.draft && state.draft.text.trim() && (
        <div>
          <button
            type="button"
            className="button-primary"
            onClick={() => state.draft && onInsert(state.draft.text, state.draft)}
          >
            Insert into reply
          </button>
        </div>
      )}
    </section>
  );
}
