import { useQuery } from "@tanstack/react-query";
import { api } from "../trpc.ts";
import { ExportCsvButton } from "./export-csv-button.tsx";
import { ReportCard } from "./report-card.tsx";

const percent = (met: number, breached: number) =>
  met + breached === 0 ? "—" : `${Math.round((met / (met + breached)) * 100)}%`;

/** Targets met and breached in the range, for first response and resolution. */
export function SlaCompliance({ from, to }: { from: string; to: string }) {
  const report = useQuery({
    queryKey: ["ticket", "sla", "compliance", from.slice(0, 10), to.slice(0, 13)] as const,
    queryFn: ({ signal }) => api.ticket.sla.compliance.query({ from, to }, { signal }),
  });
  return (
    <ReportCard
      id="sla-report-heading"
      title="SLA compliance"
      query={report}
      actions={(data) => (
        <ExportCsvButton
          of="SLA compliance"
          file="sla-compliance.csv"
          header={["Target", "Met", "Breached", "Compliance"]}
          rows={() => {
            const r = data;
            return [
              [
                "First response",
                r.firstResponse.met,
                r.firstResponse.breached,
                percent(r.firstResponse.met, r.firstResponse.breached),
              ],
              [
                "Resolution",
                r.resolution.met,
                r.resolution.breached,
                percent(r.resolution.met, r.resolution.breached),
              ],
            ];
          }}
        />
      )}
    >
      {(data) => (
        <>
          <p>
            <strong className="big">
              {data.compliance === null ? "—" : `${Math.round(data.compliance * 100)}%`}
            </strong>{" "}
            of targets met
          </p>
          <table>
            <caption className="visually-hidden">SLA targets met and breached</caption>
            <thead>
              <tr>
                <th scope="col">Target</th>
                <th scope="col" className="num">
                  Met
                </th>
                <th scope="col" className="num">
                  Breached
                </th>
                <th scope="col" className="num">
                  Compliance
                </th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ["First response", data.firstResponse],
                  ["Resolution", data.resolution],
                ] as const
              ).map(([name, m]) => (
                <tr key={name}>
                  <td>{name}</td>
                  <td className="num">{m.met}</td>
                  <td className="num">{m.breached}</td>
                  <td className="num">{percent(m.met, m.breached)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </ReportCard>
  );
}
