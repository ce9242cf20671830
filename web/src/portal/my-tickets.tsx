import { useQuery } from "@tanstack/react-query";
import type { TTicketStatus } from "@signpost/contracts";
import { ticketsQuery } from "../queries.ts";
import { Link, navigate, useLocation } from "../router.tsx";
import { useTitle } from "../shell/use-title.ts";
import { StatusBadge } from "../ui/badges.tsx";
import { formatDate } from "../ui/format.ts";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";

// What a customer filters by; "waiting on me" is the agents' "waiting on customer".
const filters: { value: string; label: string; statuses: TTicketStatus[] | null }[] = [
  { value: "all", label: "All", statuses: null },
  { value: "open", label: "Open", statuses: ["open"] },
  { value: "in_progress", label: "In progress", statuses: ["in_progress"] },
  { value: "waiting", label: "Waiting on me", statuses: ["waiting_on_customer"] },
  { value: "resolved", label: "Resolved", statuses: ["resolved", "closed"] },
];

/** My organization's tickets, newest first, filtered by status (kept in the URL). */
export function MyTickets() {
  useTitle("My tickets");
  const { search } = useLocation();
  const active = filters.find((f) => f.value === search.get("status")) ?? filters[0];
  const tickets = useQuery(ticketsQuery());
  const shown = (tickets.data ?? []).filter(
    (t) => !active?.statuses || active.statuses.includes(t.status),
  );
  return (
    <section>
      <div className="spread">
        <h1>My tickets</h1>
        <Link to="/portal/new" className="button-primary as-button">
          New ticket
        </Link>
      </div>
      {search.get("deflected") && (
        <p role="status" className="notice notice-success">
          Glad that article solved it. No ticket was opened.
        </p>
      )}
      <div role="group" aria-label="Filter by status" className="row filter-group">
        {filters.map((f) => (
          <button
            key={f.value}
            type="button"
            aria-pressed={f === active}
            onClick={() =>
              navigate(f.value === "all" ? "/portal" : `/portal?status=${f.value}`, {
                replace: true,
              })
            }
          >
            {f.label}
          </button>
        ))}
      </div>
      {tickets.isPending ? (
        <Loading />
      ) : tickets.isError ? (
        <ErrorNotice error={tickets.error} retry={() => void tickets.refetch()} />
      ) : shown.length === 0 ? (
        <Empty>
          {tickets.data.length === 0
            ? "Your organization has no tickets yet."
            : "No tickets with this status."}
        </Empty>
      ) : (
        <table>
          <caption className="visually-hidden">Tickets ({active?.label})</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Subject</th>
              <th scope="col">Status</th>
              <th scope="col">Opened</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((t) => (
              <tr key={t.id}>
                <td>{t.number}</td>
                <td>
                  <Link to={`/portal/tickets/${t.id}`}>{t.subject}</Link>
                </td>
                <td>
                  <StatusBadge status={t.status} />
                </td>
                <td>{formatDate(t.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
