import { useQuery } from "@tanstack/react-query";
import { useEffect, useState, type KeyboardEvent, type RefObject } from "react";
import type { TSuggestion } from "@signpost/contracts";
import { suggestQuery } from "../queries.ts";
import { api } from "../trpc.ts";
import { useDebounced } from "../ui/use-debounced.ts";
import { SuggestionViewer } from "./suggestion-viewer.tsx";

type Track = Parameters<typeof api.kb.suggestions.track.mutate>[0];
// Analytics must never get in the customer's way: a failed tracking call is dropped.
const track = (input: Track) => void api.kb.suggestions.track.mutate(input).catch(() => undefined);

/** Moves focus between suggestion buttons with the arrow keys; Escape goes back to the form. */
function onListKeys(e: KeyboardEvent<HTMLOListElement>, leave: () => void) {
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>("button.suggestion")];
  const at = buttons.findIndex((b) => b === document.activeElement);
  const go = (i: number) => {
    e.preventDefault();
    buttons[i]?.focus();
  };
  if (e.key === "ArrowDown") go(Math.min(at + 1, buttons.length - 1));
  else if (e.key === "ArrowUp") {
    if (at <= 0) {
      e.preventDefault();
      leave();
    } else go(at - 1);
  } else if (e.key === "Home") go(0);
  else if (e.key === "End") go(buttons.length - 1);
  else if (e.key === "Escape") {
    e.preventDefault();
    leave();
  }
}

/**
 * Answers from the KB for what the customer has typed so far (debounced 250 ms; a stale request is
 * aborted when a newer one starts). Opening one shows it here; "this solved my problem" records a
 * deflection.
 */
export function SuggestionPanel({
  subject,
  description,
  listRef,
  onLeaveList,
}: {
  subject: string;
  description: string;
  listRef: RefObject<HTMLOListElement | null>;
  onLeaveList: () => void;
}) {
  const s = useDebounced(subject, 250);
  const d = useDebounced(description, 250);
  const result = useQuery(suggestQuery(s, d));
  const [open, setOpen] = useState<{ suggestion: TSuggestion; queryId: string } | null>(null);
  const data = result.data;
  const typedEnough = (s + d).trim().length >= 3;

  useEffect(() => {
    if (data?.suggestions.length) track({ queryId: data.queryId, kind: "impression" });
  }, [data?.queryId, data?.suggestions.length]);

  if (open) {
    return (
      <aside className="suggestions card" aria-label="Suggested answer">
        <SuggestionViewer
          suggestion={open.suggestion}
          onBack={() => setOpen(null)}
          onSolved={() =>
            track({
              queryId: open.queryId,
              kind: "solved",
              source: { kind: open.suggestion.kind, id: open.suggestion.id },
            })
          }
        />
      </aside>
    );
  }
  const list = typedEnough ? (data?.suggestions ?? []) : [];
  return (
    <aside className="suggestions card" aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">Suggested answers</h2>
      <p role="status" className="muted" aria-live="polite">
        {!typedEnough
          ? "Start describing your problem and answers will appear here."
          : result.isError
            ? "Suggestions are unavailable right now; you can still submit your ticket."
            : result.isFetching && !data
              ? "Looking for answers…"
              : list.length === 0
                ? "No matching articles yet. Keep typing, or submit your ticket."
                : `${list.length} suggested ${list.length === 1 ? "answer" : "answers"}`}
      </p>
      {list.length > 0 && data && (
        <ol
          ref={listRef}
          aria-label="Suggestions"
          aria-busy={result.isFetching}
          onKeyDown={(e) => onListKeys(e, onLeaveList)}
        >
          {list.map((sug) => (
            <li key={`${sug.kind}:${sug.id}`}>
              <button
                type="button"
                className="suggestion"
                onClick={() => {
                  track({
                    queryId: data.queryId,
                    kind: "click",
                    source: { kind: sug.kind, id: sug.id },
                  });
                  setOpen({ suggestion: sug, queryId: data.queryId });
                }}
              >
                <strong>{sug.title}</strong>
                <small>{sug.kind === "article" ? "Help article" : "Resolved ticket"}</small>
                <span className="snippet">
                  {sug.snippet.map((seg, i) =>
                    seg.hit ? <mark key={i}>{seg.text}</mark> : <span key={i}>{seg.text}</span>,
                  )}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
