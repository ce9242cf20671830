import type { TComment } from "@signpost/contracts";

/** Every file on the ticket in one place, newest first, each a download link. */
export function TicketAttachments({ comments }: { comments: TComment[] }) {
  const files = comments
    .flatMap((c) => c.attachments.map((a) => ({ ...a, by: c.authorName, note: c.visibility })))
    .reverse();
  if (files.length === 0) return null;
  return (
    <section className="card" aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">Attachments ({files.length})</h2>
      <ul className="attachments">
        {files.map((f) => (
          <li key={f.id}>
            <a href={f.url} download={f.filename}>
              {f.filename}
            </a>{" "}
            <span className="muted small">
              {Math.ceil(f.size / 1024)} KB · {f.by}
              {f.note === "internal" ? " · internal note" : ""}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
