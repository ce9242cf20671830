import { useQuery } from "@tanstack/react-query";
import { Link } from "../router.tsx";
import { api } from "../trpc.ts";
import { formatDate } from "../ui/format.ts";
import { ExportCsvButton } from "./export-csv-button.tsx";
import { ReportCard } from "./report-card.tsx";

const stars = (n: number) => `${n} ${n === 1 ? "star" : "stars"}`;

/** Ratings in the range: the average, how many gave each score (bars), and recent comments. */
export function CsatReport({ from, to }: { from: string; to: string }) {
  const report = useQuery({
    queryKey: ["ticket", "reports", "csat", from, to] as const,
    queryFn: ({ signal }) => api.ticket.reports.csat.query({ from, to }, { signal }),
  });
  const r = report.data;
  const max = Math.max(1, ...(r?.distribution ?? []).map((d) => d.count));
  return (
    <ReportCard
      id="csat-heading"
      title="Customer satisfaction"
      query={report}
      stack
      actions={(r) => (
        <div className="row">
          <ExportCsvButton
            of="CSAT ratings"
            file="csat-distribution.csv"
            header={["Rating", "Ratings"]}
            rows={() => r.distribution.map((d) => [d.rating, d.count])}
          />
          <ExportCsvButton
            of="CSAT comments"
            file="csat-comments.csv"
            header={["Ticket", "Subject", "Rating", "Comment", "Rated"]}
            rows={() =>
              r.recentComments.map((c) => [c.number, c.subject, c.rating, c.comment, c.createdAt])
            }
          />
        </div>
      )}
    >
      {(r) => (
        <>
          <p>
            <strong className="big">{r?.average === null ? "—" : r?.average.toFixed(1)}</strong>{" "}
            average from {r?.count ?? 0} {r?.count === 1 ? "rating" : "ratings"}
          </p>
          <ul className="bars" aria-label="Ratings by score">
            {[...(r?.distribution ?? [])].reverse().map((d) => (
              <li key={d.rating}>
                <span>{stars(d.rating)}</span>
                <span className="bar" style={{ width: `${(d.count / max) * 100}%` }} />
                <span className="num">{d.count}</span>
              </li>
            ))}
          </ul>
          <h3>Recent comments</h3>
          {r?.recentComments.length ? (
            <ul className="article-list" aria-label="Recent CSAT comments">
              {r.recentComments.map((c) => (
                <li key={`${c.ticketId}-${c.createdAt}`}>
                  <span className="badge">{stars(c.rating)}</span> {c.comment}{" "}
                  <span className="muted small">
                    on <Link to={`/agent/tickets/${c.ticketId}`}>#{c.number}</Link>,{" "}
                    {formatDate(c.createdAt)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No comments in this range.</p>
          )}
        </>
      )}
    </ReportCard>
  );
}
