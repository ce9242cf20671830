import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ErrorNotice, Loading } from "../ui/states.tsx";

/**
 * The frame of a report fed by one query: a titled card, its actions (CSV exports) once there is
 * data, and the loading and error states before `children` renders the data.
 */
export function ReportCard<T>({
  id,
  title,
  query,
  actions,
  stack = false,
  children,
}: {
  /** The heading's id, which names the card for screen readers. */
  id: string;
  title: string;
  query: UseQueryResult<T>;
  actions?: (data: T) => ReactNode;
  /** Space the card's blocks apart (for reports with several parts). */
  stack?: boolean;
  children: (data: T) => ReactNode;
}) {
  return (
    <section className={stack ? "card stack" : "card"} aria-labelledby={id}>
      <div className="spread">
        <h2 id={id}>{title}</h2>
        {query.data !== undefined && actions?.(query.data)}
      </div>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorNotice error={query.error} retry={() => void query.refetch()} />
      ) : (
        children(query.data)
      )}
    </section>
  );
}
