import type { ReactNode } from "react";
import type { TComment, TTicket } from "@signpost/contracts";
import { formatDate } from "../ui/format.ts";

/**
 * The conversation: the request itself, then every reply. Internal notes (staff only; the
 * service never sends them to customers) are set apart in colour and named as notes.
 */
export function Thread({
  ticket,
  comments,
  requesterName,
  commentActions,
}: {
  ticket: TTicket;
  comments: TComment[];
  requesterName: string;
  /** Staff tools shown under each comment (e.g. split it into a ticket). */
  commentActions?: (comment: TComment) => ReactNode;
}) {
  return (
    <ol className="thread" aria-label="Conversation">
      <li className="message">
        <header>
          <strong>{requesterName}</strong>
          <span className="muted">{formatDate(ticket.createdAt)}</span>
        </header>
        <div className="message-body">{ticket.description}</div>
      </li>
      {comments.map((c) => {
        const note = c.visibility === "internal";
        return (
          <li
            key={c.id}
            className={note ? "message message-note" : "message"}
            aria-label={note ? `Internal note by ${c.authorName}` : `Reply by ${c.authorName}`}
          >
            <header>
              {note && <span className="note-label">Internal note</span>}
              <strong>{c.authorName}</strong>
              {c.authorIsStaff && !note && <span className="badge">Support</span>}
              <span className="muted">
                {formatDate(c.createdAt)}
                {c.editedAt ? " (edited)" : ""}
                {c.viaEmail ? " · by email" : ""}
              </span>
            </header>
            <div className="message-body">{c.body}</div>
            {c.attachments.length > 0 && (
              <ul className="attachments" aria-label="Attachments">
                {c.attachments.map((a) => (
                  <li key={a.id}>
                    <a href={a.url}>{a.filename}</a>{" "}
                    <span className="muted small">({Math.ceil(a.size / 1024)} KB)</span>
                  </li>
                ))}
              </ul>
            )}
            {commentActions?.(c)}
          </li>
        );
      })}
    </ol>
  );
}
