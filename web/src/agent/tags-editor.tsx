import { useState } from "react";
import type { TTicket } from "@signpost/contracts";
import { api } from "../trpc.ts";
import { ErrorNotice } from "../ui/states.tsx";
import { useTicketChange } from "./use-ticket-change.ts";

/** The ticket's tags: remove one with its button, add one (Enter) from the box. */
export function TagsEditor({ ticket }: { ticket: TTicket }) {
  const [draft, setDraft] = useState("");
  const save = useTicketChange((tags: string[]) =>
    api.ticket.tickets.update.mutate({ ticketId: ticket.id, tags }),
  );
  const add = () => {
    const tag = draft.trim().toLowerCase();
    if (!tag) return;
    if (ticket.tags.includes(tag)) return setDraft("");
    save.mutate([...ticket.tags, tag], { onSuccess: () => setDraft("") });
  };
  return (
    <section className="stack" aria-labelledby="tags-heading">
      <h2 id="tags-heading">Tags</h2>
      {ticket.tags.length === 0 ? (
        <p className="muted small">No tags yet.</p>
      ) : (
        <ul className="tag-list" aria-label="Tags">
          {ticket.tags.map((tag) => (
            <li key={tag}>
              <span className="badge">{tag}</span>
              <button
                type="button"
                className="link-button small"
                aria-label={`Remove tag ${tag}`}
                disabled={save.isPending}
                onClick={() => save.mutate(ticket.tags.filter((t) => t !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label className="field">
          <span>Add a tag</span>
          <input value={draft} maxLength={40} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <button type="submit" disabled={!draft.trim() || save.isPending}>
          Add tag
        </button>
      </form>
      {save.isError && <ErrorNotice error={save.error} />}
    </section>
  );
}
