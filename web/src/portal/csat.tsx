import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { TTicket } from "@signpost/contracts";
import { api } from "../trpc.ts";
import { ErrorNotice } from "../ui/states.tsx";

const labels = ["Very poor", "Poor", "Okay", "Good", "Excellent"];

/** How did we do? Once per resolution, on a resolved ticket. */
export function Csat({ ticket }: { ticket: TTicket }) {
  const client = useQueryClient();
  const key = ["ticket", "csat", ticket.id] as const;
  const ratings = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.ticket.csat.forTicket.query({ ticketId: ticket.id }, { signal }),
  });
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState("");
  const submit = useMutation({
    mutationFn: (r: number) =>
      api.ticket.csat.submit.mutate({
        ticketId: ticket.id,
        rating: r,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
  if (ticket.status !== "resolved" || !ratings.data) return null;
  // A rating given after this resolution (a reopened ticket may be rated again).
  const rated = ratings.data.find((r) => ticket.resolvedAt && r.createdAt >= ticket.resolvedAt);
  if (rated)
    return (
      <p className="notice notice-success" role="status">
        Thanks for rating our support: {labels[rated.rating - 1]}.
      </p>
    );
  return (
    <form
      className="card stack"
      aria-labelledby="csat-heading"
      onSubmit={(e) => {
        e.preventDefault();
        if (rating) submit.mutate(rating);
      }}
    >
      <h2 id="csat-heading">How did we do?</h2>
      <fieldset className="row rating">
        <legend className="visually-hidden">Rating</legend>
        {labels.map((label, i) => (
          <label key={label} className="rating-option">
            <input
              type="radio"
              name="csat"
              value={i + 1}
              checked={rating === i + 1}
              onChange={() => setRating(i + 1)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="csat-comment">Anything to add? (optional)</label>
        <textarea
          id="csat-comment"
          rows={2}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      {submit.isError && <ErrorNotice error={submit.error} />}
      <div>
        <button type="submit" className="button-primary" disabled={!rating || submit.isPending}>
          Send rating
        </button>
      </div>
    </form>
  );
}
