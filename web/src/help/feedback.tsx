import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../trpc.ts";
import { ErrorNotice } from "../ui/states.tsx";

/**
 * "Did this help?". Yes is recorded at once; No first asks what was missing (optional), so each
 * reader's answer is recorded exactly once.
 */
export function Feedback({ articleId }: { articleId: string }) {
  const [askWhy, setAskWhy] = useState(false);
  const [comment, setComment] = useState("");
  const send = useMutation({
    mutationFn: (input: { helpful: boolean; comment?: string }) =>
      api.kb.help.feedback.mutate({ articleId, ...input }),
  });
  if (send.isSuccess)
    return (
      <p role="status" className="notice notice-success">
        {send.variables.helpful
          ? "Thanks! Glad it helped."
          : "Thanks for telling us; the team will improve this article."}
      </p>
    );
  return (
    <section className="card stack feedback" aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">Did this help?</h2>
      {!askWhy ? (
        <div className="row">
          <button
            type="button"
            disabled={send.isPending}
            onClick={() => send.mutate({ helpful: true })}
          >
            Yes
          </button>
          <button type="button" onClick={() => setAskWhy(true)}>
            No
          </button>
        </div>
      ) : (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            const note = comment.trim();
            send.mutate({ helpful: false, ...(note ? { comment: note } : {}) });
          }}
        >
          <div className="field">
            <label htmlFor="feedback-comment">What were you looking for? (optional)</label>
            <textarea
              id="feedback-comment"
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              rows={3}
              maxLength={2000}
              autoFocus
            />
          </div>
          <div>
            <button type="submit" className="button-primary" disabled={send.isPending}>
              Send feedback
            </button>
          </div>
        </form>
      )}
      {send.isError && <ErrorNotice error={send.error} />}
    </section>
  );
}
