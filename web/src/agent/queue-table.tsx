import type { RefObject } from "react";
import type { TTicketRow, TUser } from "@signpost/contracts";
import { Link } from "../router.tsx";
import { PriorityBadge, StatusBadge } from "../ui/badges.tsx";
import { categoryLabel, formatRelative } from "../ui/format.ts";
import type { QueueView, SortKey } from "./queue-view.ts";
import { SlaCell } from "./sla-countdown.tsx";

/** A column the service can sort by (its keyset paging needs an index-backed order). */
function SortHeader({
  sortKey,
  label,
  view,
  set,
}: {
  sortKey: SortKey;
  label: string;
  view: QueueView;
  set: (change: Partial<QueueView>) => void;
}) {
  const on = view.sort === sortKey;
  return (
    <th scope="col" aria-sort={on ? (view.dir === "asc" ? "ascending" : "descending") : undefined}>
      <button
        type="button"
        onClick={() => set({ sort: sortKey, dir: on && view.dir === "asc" ? "desc" : "asc" })}
      >
        {label}
        {on ? (view.dir === "asc" ? " ▲" : " ▼") : ""}
      </button>
    </th>
  );
}

/** The queue's rows: a checkbox each for bulk actions, the subject links to the ticket. */
export function QueueTable({
  tickets,
  people,
  view,
  set,
  selected,
  toggle,
  toggleAll,
  body,
  now,
  fresh,
  busy,
}: {
  tickets: TTicketRow[];
  people: ReadonlyMap<string, TUser> | undefined;
  view: QueueView;
  set: (change: Partial<QueueView>) => void;
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
  toggleAll: (on: boolean) => void;
  body: RefObject<HTMLTableSectionElement | null>;
  now: number;
  /** Rows that arrived while the queue was open, marked until the agent looks at them. */
  fresh: ReadonlySet<string>;
  /** The rows are the previous view's while the new one loads. */
  busy: boolean;
}) {
  const all = tickets.length > 0 && tickets.every((t) => selected.has(t.id));
  return (
    <table className="queue" aria-busy={busy}>
      <caption className="visually-hidden">
        {tickets.length} tickets. Press j and k to move between them, x to select, Enter to open.
      </caption>
      <thead>
        <tr>
          <th scope="col">
            <input
              type="checkbox"
              aria-label="Select all shown tickets"
              checked={all}
              onChange={(e) => toggleAll(e.target.checked)}
            />
          </th>
          <SortHeader sortKey="number" label="#" view={view} set={set} />
          <th scope="col">Subject</th>
          <th scope="col">Status</th>
          <SortHeader sortKey="priority" label="Priority" view={view} set={set} />
          <SortHeader sortKey="sla_due_at" label="SLA" view={view} set={set} />
          <SortHeader sortKey="created_at" label="Opened" view={view} set={set} />
          <th scope="col">Requester</th>
          <th scope="col">Assignee</th>
        </tr>
      </thead>
      <tbody ref={body}>
        {tickets.map((t) => (
          <tr
            key={t.id}
            data-ticket={t.id}
            aria-selected={selected.has(t.id)}
            className={fresh.has(t.id) ? "row-fresh" : undefined}
          >
            <td>
              <input
                type="checkbox"
                aria-label={`Select #${t.number}`}
                checked={selected.has(t.id)}
                onChange={() => toggle(t.id)}
              />
            </td>
            <td>{t.number}</td>
            <td>
              <Link to={`/agent/tickets/${t.id}`}>{t.subject}</Link>
              {fresh.has(t.id) && <span className="badge">New</span>}
              <div className="muted small">
                {categoryLabel(t.category)}
                {t.tags.length > 0 && ` · ${t.tags.join(", ")}`}
              </div>
            </td>
            <td>
              <StatusBadge status={t.status} />
            </td>
            <td>
              <PriorityBadge priority={t.priority} />
            </td>
            <td>
              <SlaCell ticket={t} now={now} />
            </td>
            <td title={t.createdAt}>{formatRelative(t.createdAt, now)}</td>
            <td>{people?.get(t.requesterId)?.name ?? ""}</td>
            <td>{t.assigneeId ? (people?.get(t.assigneeId)?.name ?? "") : "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
