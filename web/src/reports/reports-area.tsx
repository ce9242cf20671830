import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ticketsQuery } from "../queries.ts";
import { useTitle } from "../shell/use-title.ts";
import { categoryLabel, priorityLabels, statusLabels } from "../ui/format.ts";
import { ErrorNotice, Loading } from "../ui/states.tsx";
import { AgentPerformance } from "./agent-performance.tsx";
import { CountTable } from "./count-table.tsx";
import { CsatReport } from "./csat-report.tsx";
import { downloadCsv, toCsv } from "./csv.ts";
import { ExportCsvButton } from "./export-csv-button.tsx";
import { rangeOf } from "./report-range.ts";
import { SlaCompliance } from "./sla-compliance.tsx";
import { countBy, medianResolutionHours, volumeByDay } from "./ticket-stats.ts";
import type { TTicketPriority, TTicketStatus } from "@signpost/contracts";

const ranges = [
  { days: 7, label: "Last 7 days" },
  { days: 30, label: "Last 30 days" },
  { days: 90, label: "Last 90 days" },
] as const;

/** Ticket volume, status, categories and resolution time for a date range, each exportable. */
export default function ReportsArea() {
  useTitle("Reports");
  const [days, setDays] = useState<number>(30);
  const tickets = useQuery(ticketsQuery());
  if (tickets.isPending) return <Loading />;
  if (tickets.isError)
    return (
      <section>
        <h1>Reports</h1>
        <ErrorNotice error={tickets.error} retry={() => void tickets.refetch()} />
      </section>
    );
  const since = new Date(Date.now() - (days - 1) * 86_400_000);
  const inRange = tickets.data.filter(
    (t) => Date.parse(t.createdAt) >= since.getTime() - 86_400_000,
  );
  const resolved = inRange.filter((t) => t.resolvedAt);
  const median = medianResolutionHours(inRange);
  const volume = volumeByDay(tickets.data, since);
  const range = rangeOf(days);
  return (
    <section className="stack">
      <div className="spread">
        <h1>Reports</h1>
        <label className="field">
          <span>Date range</span>
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {ranges.map((r) => (
              <option key={r.days} value={r.days}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div>
        <button
          type="button"
          onClick={() =>
            downloadCsv(
              "tickets.csv",
              toCsv(
                ["Number", "Subject", "Status", "Priority", "Category", "Opened", "Resolved"],
                inRange.map((t) => [
                  t.number,
                  t.subject,
                  statusLabels[t.status],
                  priorityLabels[t.priority],
                  categoryLabel(t.category),
                  t.createdAt,
                  t.resolvedAt ?? "",
                ]),
              ),
            )
          }
        >
          Export the tickets in this range (CSV)
        </button>
      </div>
      {tickets.data.length >= 100 && (
        <p className="muted small">Figures cover the 100 most recent tickets.</p>
      )}
      <div className="kpis" aria-label="Key figures" role="group">
        <div className="card kpi">
          <strong>{inRange.length}</strong> tickets opened
        </div>
        <div className="card kpi">
          <strong>{resolved.length}</strong> resolved
        </div>
        <div className="card kpi">
          <strong>
            {inRange.length ? Math.round((resolved.length / inRange.length) * 100) : 0}%
          </strong>{" "}
          resolution rate
        </div>
        <div className="card kpi">
          <strong>{median === null ? "—" : `${median.toFixed(1)} h`}</strong> median time to resolve
        </div>
      </div>
      <SlaCompliance from={since.toISOString()} to={new Date(Date.now() + 60_000).toISOString()} />
      <AgentPerformance from={range.from} to={range.to} />
      <CsatReport from={range.from} to={range.to} />
      <section className="card" aria-labelledby="volume-heading">
        <div className="spread">
          <h2 id="volume-heading">Volume by day</h2>
          <ExportCsvButton
            of="volume by day"
            file="ticket-volume.csv"
            header={["Day", "Opened", "Resolved"]}
            rows={() => volume.map((v) => [v.day, v.opened, v.resolved])}
          />
        </div>
        <div className="volume-scroll">
          <table>
            <caption className="visually-hidden">Tickets opened and resolved per day</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col" className="num">
                  Opened
                </th>
                <th scope="col" className="num">
                  Resolved
                </th>
              </tr>
            </thead>
            <tbody>
              {volume
                .filter((v) => v.opened || v.resolved)
                .reverse()
                .map((v) => (
                  <tr key={v.day}>
                    <td>{v.day}</td>
                    <td className="num">{v.opened}</td>
                    <td className="num">{v.resolved}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </section>
      <div className="split">
        <CountTable
          title="Tickets by status"
          column="Status"
          file="tickets-by-status"
          counts={countBy(inRange, (t) => t.status)}
          label={(k) => statusLabels[k as TTicketStatus]}
        />
        <CountTable
          title="Tickets by category"
          column="Category"
          file="tickets-by-category"
          counts={countBy(inRange, (t) => t.category)}
          label={categoryLabel}
        />
        <CountTable
          title="Tickets by priority"
          column="Priority"
          file="tickets-by-priority"
          counts={countBy(inRange, (t) => t.priority)}
          label={(k) => priorityLabels[k as TTicketPriority]}
        />
      </div>
    </section>
  );
}
