import { useQuery } from "@tanstack/react-query";
import { api } from "../trpc.ts";
import { ErrorNotice, Loading } from "../ui/states.tsx";
import { ExportCsvButton } from "./export-csv-button.tsx";

const percent = (met: number, breached: number) =>
  met + breached === 0 ? "—" : `${Math.round((met / (met + breached)) * 100)}%`;

/** Targets met and breached in the range, for first response and resolution. */
export function SlaCompliance({ from, to }: { from: string; to: string }) {
  const report = useQuery({
    queryKey: ["ticket", "sla", "compliance", from.slice(0, 10), to.slice(0, 13)] as const,
    queryFn: ({ signal }) => api.ticket.sla.compliance.query({ from, to }, { signal }),
  });
  return (
    <section className="card" aria-labelledby="sla-report-heading">
      <div className="spread">
        <h2 id="sla-report-heading">SLA compliance</h2>
        {report.data && (
          <ExportCsvButton
            of="SLA compliance"
            file="sla-compliance.csv"
            header={["Target", "Met", "Breached", "Compliance"]}
            rows={() => {
              const r = report.data;
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
      </div>
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <ErrorNotice error={report.error} retry={() => void report.refetch()} />
      ) : (
        <>
          <p>
            <strong className="big">
              {report.data.compliance === null
                ? "—"
                : `${Math.round(report.data.compliance * 100)}%`}
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
                  ["First response", report.data.firstResponse],
                  ["Resolution", report.data.resolution],
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
    </section>
  );
}
