import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { peopleQuery, ticketsQuery } from "../queries.ts";
import { Link, navigate, useLocation } from "../router.tsx";
import { useTitle } from "../shell/use-title.ts";
import { PriorityBadge, StatusBadge } from "../ui/badges.tsx";
import {
  categories,
  categoryLabel,
  formatRelative,
  priorities,
  priorityLabels,
  statuses,
  statusLabels,
} from "../ui/format.ts";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";
import { applyView, searchFor, viewFrom, type QueueView, type SortKey } from "./queue-view.ts";

const columns: { key: SortKey; label: string }[] = [
  { key: "number", label: "#" },
  { key: "subject", label: "Subject" },
  { key: "status", label: "Status" },
  { key: "priority", label: "Priority" },
  { key: "createdAt", label: "Opened" },
];

const typing = (el: EventTarget | null) =>
  el instanceof HTMLElement &&
  (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

/**
 * The queue: filters and sorting kept in the URL; `j`/`k` (or ↓/↑ on a row) move between
 * tickets, Enter opens one, `/` jumps to the search box.
 */
export function Queue() {
  useTitle("Queue");
  const { search } = useLocation();
  const view = viewFrom(search);
  // Kept current by the live stream; a slow poll covers a stream that cannot connect.
  const tickets = useQuery({ ...ticketsQuery(), refetchInterval: 60_000 });
  const people = useQuery(peopleQuery());
  const table = useRef<HTMLTableSectionElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const set = (change: Partial<QueueView>) =>
    navigate(`/agent${searchFor({ ...view, ...change })}`, { replace: true });
  const shown = applyView(tickets.data ?? [], view);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === "/" && !typing(e.target)) {
        e.preventDefault();
        searchBox.current?.focus();
        return;
      }
      const inRows = table.current?.contains(document.activeElement ?? null) ?? false;
      const down = e.key === "j" || (inRows && e.key === "ArrowDown");
      const up = e.key === "k" || (inRows && e.key === "ArrowUp");
      if ((!down && !up) || (typing(e.target) && !inRows)) return;
      const links = [...(table.current?.querySelectorAll<HTMLAnchorElement>("a") ?? [])];
      const at = links.findIndex((l) => l === document.activeElement);
      const next = down ? Math.min(at + 1, links.length - 1) : Math.max(at - 1, 0);
      e.preventDefault();
      links[next]?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <section>
      <h1>Queue</h1>
      <form
        className="row filters"
        aria-label="Filter the queue"
        onSubmit={(e) => e.preventDefault()}
      >
        <label className="field">
          <span>Search</span>
          <input
            ref={searchBox}
            type="search"
            value={view.text}
            placeholder="Subject or #number  ( / )"
            onChange={(e) => set({ text: e.target.value })}
          />
        </label>
        <label className="field">
          <span>Status</span>
          <select
            value={view.status}
            onChange={(e) => set({ status: e.target.value as QueueView["status"] })}
          >
            <option value="active">Not resolved</option>
            <option value="all">All</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Priority</span>
          <select
            value={view.priority}
            onChange={(e) => set({ priority: e.target.value as QueueView["priority"] })}
          >
            <option value="all">All</option>
            {priorities.map((p) => (
              <option key={p} value={p}>
                {priorityLabels[p]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Category</span>
          <select value={view.category} onChange={(e) => set({ category: e.target.value })}>
            <option value="all">All</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {tickets.isPending ? (
        <Loading />
      ) : tickets.isError ? (
        <ErrorNotice error={tickets.error} retry={() => void tickets.refetch()} />
      ) : shown.length === 0 ? (
        <Empty>No tickets match this view.</Empty>
      ) : (
        <table className="queue">
          <caption className="visually-hidden">
            {shown.length} tickets. Press j and k to move between them.
          </caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={
                    view.sort === c.key
                      ? view.dir === "asc"
                        ? "ascending"
                        : "descending"
                      : undefined
                  }
                >
                  <button
                    type="button"
                    onClick={() =>
                      set({
                        sort: c.key,
                        dir: view.sort === c.key && view.dir === "asc" ? "desc" : "asc",
                      })
                    }
                  >
                    {c.label}
                    {view.sort === c.key ? (view.dir === "asc" ? " ▲" : " ▼") : ""}
                  </button>
                </th>
              ))}
              <th scope="col">Requester</th>
            </tr>
          </thead>
          <tbody ref={table}>
            {shown.map((t) => (
              <tr key={t.id}>
                <td>{t.number}</td>
                <td>
                  <Link to={`/agent/tickets/${t.id}`}>{t.subject}</Link>
                  <div className="muted small">{categoryLabel(t.category)}</div>
                </td>
                <td>
                  <StatusBadge status={t.status} />
                </td>
                <td>
                  <PriorityBadge priority={t.priority} />
                </td>
                <td title={t.createdAt}>{formatRelative(t.createdAt)}</td>
                <td>{people.data?.get(t.requesterId)?.name ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
