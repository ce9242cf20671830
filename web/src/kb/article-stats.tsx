import { useQuery } from "@tanstack/react-query";
import { Link } from "../router.tsx";
import { canUse, useSignedIn } from "../session.ts";
import { api } from "../trpc.ts";
import { formatDate } from "../ui/format.ts";
import { ErrorNotice, Loading } from "../ui/states.tsx";

/** How the article is doing: reads, votes, deflections, clicks, tickets that linked it. */
export function ArticleStats({ articleId }: { articleId: string }) {
  // An editor who is not also an agent cannot open tickets: a link would lead to "No access".
  const opensTickets = canUse(useSignedIn().roles, "agent");
  const stats = useQuery({
    queryKey: ["kb", "stats", articleId] as const,
    queryFn: ({ signal }) => api.kb.articles.stats.query({ articleId }, { signal }),
  });
  if (stats.isPending) return <Loading />;
  if (stats.isError) return <ErrorNotice error={stats.error} retry={() => void stats.refetch()} />;
  const s = stats.data;
  const figures: [string, string | number][] = [
    ["Views", s.views],
    ["Found it helpful", s.helpfulPercent === null ? "—" : `${Math.round(s.helpfulPercent)}%`],
    ["Votes", s.helpful + s.notHelpful],
    ["Deflections", s.deflections],
    ["Opened from suggestions", s.clicks],
    ["Linked tickets", s.linkedTickets.length],
  ];
  return (
    <div className="stack">
      <dl className="kpis" aria-label="Article figures">
        {figures.map(([label, value]) => (
          <div key={label} className="card kpi">
            <dt>{label}</dt>
            <dd>
              <strong>{value}</strong>
            </dd>
          </div>
        ))}
      </dl>
      {s.recentComments.length > 0 && (
        <section aria-labelledby="comments-heading">
          <h3 id="comments-heading">What readers said</h3>
          <ul className="article-list">
            {s.recentComments.map((c, i) => (
              <li key={i}>
                <span className={c.helpful ? "badge status-resolved" : "badge priority-high"}>
                  {c.helpful ? "Helpful" : "Not helpful"}
                </span>{" "}
                {c.comment} <span className="muted small">{formatDate(c.at)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {s.linkedTickets.length > 0 && (
        <section aria-labelledby="linked-heading">
          <h3 id="linked-heading">Tickets that linked it</h3>
          <ul>
            {s.linkedTickets.map((t) => (
              <li key={t.ticketId}>
                {opensTickets ? <Link to={`/tickets/${t.ticketId}`}>Ticket</Link> : "A ticket"}{" "}
                <span className="muted small">{formatDate(t.linkedAt)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
