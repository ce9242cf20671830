import { useQuery } from "@tanstack/react-query";
import type { TTicket } from "@signpost/contracts";
import { suggestQuery } from "../queries.ts";
import { Link } from "../router.tsx";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";

/** Articles (internal ones too) and similar resolved tickets for this ticket. */
export function AgentSuggestions({ ticket }: { ticket: TTicket }) {
  const result = useQuery(suggestQuery(ticket.subject, ticket.description, 6));
  const list = (result.data?.suggestions ?? []).filter((s) => s.id !== ticket.id);
  return (
    <section className="card" aria-labelledby="related-heading">
      <h2 id="related-heading">Related</h2>
      {result.isPending ? (
        <Loading />
      ) : result.isError ? (
        <ErrorNotice error={result.error} retry={() => void result.refetch()} />
      ) : list.length === 0 ? (
        <Empty>No related articles or resolved tickets.</Empty>
      ) : (
        <ul className="article-list">
          {list.map((s) => (
            <li key={`${s.kind}:${s.id}`}>
              <Link to={s.kind === "article" ? `/kb/articles/${s.id}` : `/agent/tickets/${s.id}`}>
                {s.title}
              </Link>{" "}
              <span className="muted small">
                {s.kind === "article" ? "Article" : "Resolved ticket"}
              </span>
              <p className="small muted">{s.snippet.map((seg) => seg.text).join("")}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
