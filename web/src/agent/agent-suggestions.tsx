import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { TTicket } from "@signpost/contracts";
import { suggestQuery } from "../queries.ts";
import { Link } from "../router.tsx";
import { api } from "../trpc.ts";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";

/** Articles (internal ones too) and similar resolved tickets for this ticket. */
export function AgentSuggestions({ ticket }: { ticket: TTicket }) {
  const result = useQuery(suggestQuery(ticket.subject, ticket.description, 6));
  const list = (result.data?.suggestions ?? []).filter((s) => s.id !== ticket.id);
  const [linked, setLinked] = useState<ReadonlySet<string>>(new Set());
  // Linking tells the article's editors which tickets it answered (the article's stats).
  const link = useMutation({
    mutationFn: (articleId: string) =>
      api.kb.articles.linkTicket.mutate({ articleId, ticketId: ticket.id }),
    onSuccess: (_ok, articleId) => setLinked(new Set([...linked, articleId])),
  });
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
              <Link to={s.kind === "article" ? `/help/articles/${s.id}` : `/agent/tickets/${s.id}`}>
                {s.title}
              </Link>{" "}
              <span className="muted small">
                {s.kind === "article" ? "Article" : "Resolved ticket"}
              </span>
              <p className="small muted">{s.snippet.map((seg) => seg.text).join("")}</p>
              {s.kind === "article" &&
                (linked.has(s.id) ? (
                  <span className="small" role="status">
                    Linked to this ticket
                  </span>
                ) : (
                  <button
                    type="button"
                    className="link-button small"
                    disabled={link.isPending}
                    onClick={() => link.mutate(s.id)}
                    aria-label={`Link to this ticket: ${s.title}`}
                  >
                    Link to this ticket
                  </button>
                ))}
            </li>
          ))}
        </ul>
      )}
      {link.isError && <ErrorNotice error={link.error} />}
    </section>
  );
}
