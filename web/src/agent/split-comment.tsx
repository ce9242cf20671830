import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { TComment } from "@signpost/contracts";
import { keys } from "../queries.ts";
import { Link } from "../router.tsx";
import { api } from "../trpc.ts";
import { ErrorNotice } from "../ui/states.tsx";

const firstLine = (body: string) => {
  const line = body.trim().split("\n")[0] ?? "";
  return line.length > 80 ? `${line.slice(0, 77)}…` : line;
};

/**
 * Turns a public reply into a ticket of its own (same requester), linked to this one. Notes are
 * never offered: their text would reach the customer.
 */
export function SplitComment({ comment }: { comment: TComment }) {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [subject, setSubject] = useState(() => firstLine(comment.body));
  const split = useMutation({
    mutationFn: () => api.ticket.tickets.split.mutate({ commentId: comment.id, subject }),
    onSuccess: () => {
      setOpen(false);
      void client.invalidateQueries({ queryKey: keys.tickets });
      void client.invalidateQueries({ queryKey: keys.ticket(comment.ticketId) });
    },
  });
  if (comment.visibility !== "public") return null;
  if (split.data)
    return (
      <p role="status" className="small">
        Split into{" "}
        <Link to={`/agent/tickets/${split.data.id}`}>
          #{split.data.number} {split.data.subject}
        </Link>
      </p>
    );
  if (!open)
    return (
      <button type="button" className="link-button small" onClick={() => setOpen(true)}>
        Split into a new ticket
      </button>
    );
  return (
    <form
      className="row"
      aria-label="Split into a new ticket"
      onSubmit={(e) => {
        e.preventDefault();
        split.mutate();
      }}
    >
      <label className="field">
        <span>New ticket's subject</span>
        <input
          autoFocus
          value={subject}
          maxLength={200}
          onChange={(e) => setSubject(e.target.value)}
        />
      </label>
      <button type="submit" disabled={subject.trim().length < 3 || split.isPending}>
        Create ticket
      </button>
      <button type="button" className="button-quiet" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {split.isError && <ErrorNotice error={split.error} />}
    </form>
  );
}
