import type { TComment } from "@signpost/contracts";
import { formatDate } from "../ui/format.ts";

/**
 * Every file in the conversation in one place. Only public comments count: the service never
 * sends a customer an internal note, and this list does not trust that alone.
 */
export function TicketFiles({ comments }: { comments: TComment[] }) {
  const files = comments
    .filter((c) => c.visibility === "public")
    .flatMap((c) => c.attachments.map((a) => ({ ...a, at: c.createdAt, by: c.authorName })));
  if (files.length === 0) return null;
  return (
    <section aria-labelledby="files-heading" className="card">
      <h2 id="files-heading">Files</h2>
      <ul className="attachments" aria-label="Files in this ticket">
        {files.map((f) => (
          <li key={f.id}>
            <a href={f.url}>{f.filename}</a>{" "}
            <span className="muted small">
              ({Math.ceil(f.size / 1024)} KB, {f.by}, {formatDate(f.at)})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
