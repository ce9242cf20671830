import { ExportCsvButton } from "./export-csv-button.tsx";
import type { Count } from "./ticket-stats.ts";

/** A count per value as bars (with the numbers written out) and a CSV export of the same table. */
export function CountTable({
  title,
  column,
  counts,
  label = (k) => k,
  file,
}: {
  title: string;
  column: string;
  counts: Count[];
  label?: (key: string) => string;
  file: string;
}) {
  const max = Math.max(1, ...counts.map((c) => c.count));
  const id = `report-${file}`;
  return (
    <section className="card" aria-labelledby={id}>
      <div className="spread">
        <h2 id={id}>{title}</h2>
        <ExportCsvButton
          of={title.toLowerCase()}
          file={`${file}.csv`}
          header={[column, "Tickets"]}
          rows={() => counts.map((c) => [label(c.key), c.count])}
        />
      </div>
      {counts.length === 0 ? (
        <p className="muted">No tickets in this range.</p>
      ) : (
        <ul className="bars" aria-label={title}>
          {counts.map((c) => (
            <li key={c.key}>
              <span>{label(c.key)}</span>
              <span className="bar" style={{ width: `${(c.count / max) * 100}%` }} />
              <span className="num">{c.count}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
