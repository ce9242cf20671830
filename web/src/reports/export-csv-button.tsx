import { downloadCsv, toCsv } from "./csv.ts";

/**
 * A report's "Export CSV" button. `of` completes its accessible name ("Export CSV of …"), so that
 * the several export buttons on the reports page are told apart by screen readers. Rows are built
 * on click, not on every render.
 */
export function ExportCsvButton({
  of,
  file,
  header,
  rows,
}: {
  of: string;
  file: string;
  header: string[];
  rows: () => (string | number)[][];
}) {
  return (
    <button type="button" onClick={() => downloadCsv(file, toCsv(header, rows()))}>
      Export CSV<span className="visually-hidden"> of {of}</span>
    </button>
  );
}
