import { useQuery } from "@tanstack/react-query";
import { api } from "../trpc.ts";
import { Empty } from "../ui/states.tsx";
import { ExportCsvButton } from "./export-csv-button.tsx";
import { ReportCard } from "./report-card.tsx";
import { formatMinutes } from "./report-range.ts";

const csatText = (avg: number | null, n: number) =>
  avg === null ? "—" : `${avg.toFixed(1)} (${n})`;

/** Per agent: tickets solved (as bars), average first response and resolution, CSAT; as CSV. */
export function AgentPerformance({ from, to }: { from: string; to: string }) {
  const report = useQuery({
    queryKey: ["ticket", "reports", "agents", from, to] as const,
    queryFn: ({ signal }) => api.ticket.reports.agentPerformance.query({ from, to }, { signal }),
  });
  const agents = report.data?.agents ?? [];
  const max = Math.max(1, ...agents.map((a) => a.solved));
  return (
    <ReportCard
      id="agents-heading"
      title="Agent performance"
      query={report}
      actions={() => (
        <ExportCsvButton
          of="agent performance"
          file="agent-performance.csv"
          header={[
            "Agent",
            "Solved",
            "Avg first response (min)",
            "Avg resolution (min)",
            "CSAT average",
            "CSAT ratings",
          ]}
          rows={() =>
            agents.map((a) => [
              a.name,
              a.solved,
              a.avgFirstResponseMinutes ?? "",
              a.avgResolutionMinutes ?? "",
              a.csatAverage ?? "",
              a.csatCount,
            ])
          }
        />
      )}
    >
      {() =>
        agents.length === 0 ? (
          <Empty>No agent solved or answered a ticket in this range.</Empty>
        ) : (
          <div className="volume-scroll">
            <table>
              <caption className="visually-hidden">Agent performance in the range</caption>
              <thead>
                <tr>
                  <th scope="col">Agent</th>
                  <th scope="col">Solved</th>
                  <th scope="col" className="num">
                    Avg first response
                  </th>
                  <th scope="col" className="num">
                    Avg resolution
                  </th>
                  <th scope="col" className="num">
                    CSAT (ratings)
                  </th>
                </tr>
              </thead>
              <tbody>
                {agents.map((a) => (
                  <tr key={a.agentId}>
                    <th scope="row">{a.name}</th>
                    <td>
                      <span className="bar-cell">
                        <span className="bar-track" aria-hidden="true">
                          <span className="bar" style={{ width: `${(a.solved / max) * 100}%` }} />
                        </span>
                        <span className="num">{a.solved}</span>
                      </span>
                    </td>
                    <td className="num">{formatMinutes(a.avgFirstResponseMinutes)}</td>
                    <td className="num">{formatMinutes(a.avgResolutionMinutes)}</td>
                    <td className="num">{csatText(a.csatAverage, a.csatCount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    </ReportCard>
  );
}
