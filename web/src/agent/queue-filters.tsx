import { useQuery } from "@tanstack/react-query";
import type { RefObject } from "react";
import { groupsQuery, peopleQuery, statusesQuery } from "../queries.ts";
import { api } from "../trpc.ts";
import { categories, categoryLabel, statuses, statusLabels } from "../ui/format.ts";
import { SelectField } from "../ui/select-field.tsx";
import { activeStaff, priorityOptions, slaStateOptions } from "./options.ts";
import type { QueueView } from "./queue-view.ts";

const categoriesQuery = {
  queryKey: ["ticket", "categories"] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    api.ticket.fields.categories.query(undefined, { signal }),
  staleTime: 5 * 60_000,
};

/** The queue's filters; every change is kept in the URL by `set`. */
export function QueueFilters({
  view,
  set,
  searchBox,
}: {
  view: QueueView;
  set: (change: Partial<QueueView>) => void;
  searchBox: RefObject<HTMLInputElement | null>;
}) {
  const statusDefs = useQuery(statusesQuery());
  const cats = useQuery(categoriesQuery);
  const people = useQuery(peopleQuery());
  const groups = useQuery(groupsQuery());
  const statusOptions = statusDefs.data
    ? statusDefs.data.map((s) => ({ value: s.key, label: s.label }))
    : statuses.map((s) => ({ value: s, label: statusLabels[s] }));
  const categoryOptions = cats.data
    ? cats.data.filter((c) => c.active).map((c) => ({ value: c.key, label: c.label }))
    : categories.map((c) => ({ value: c, label: categoryLabel(c) }));
  return (
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
          placeholder="Words or #number  ( / )"
          onChange={(e) => set({ text: e.target.value })}
        />
      </label>
      <SelectField
        label="Status"
        value={view.status}
        options={statusOptions}
        onChange={(status) => set({ status })}
      >
        <option value="active">Not resolved</option>
        <option value="all">All</option>
      </SelectField>
      <SelectField
        label="Priority"
        value={view.priority}
        options={priorityOptions}
        onChange={(priority) => set({ priority })}
      >
        <option value="all">All</option>
      </SelectField>
      <SelectField
        label="Category"
        value={view.category}
        options={categoryOptions}
        onChange={(category) => set({ category })}
      >
        <option value="all">All</option>
      </SelectField>
      <SelectField
        label="Assignee"
        value={view.assignee}
        options={activeStaff(people.data).map((u) => ({ value: u.id, label: u.name }))}
        onChange={(assignee) => set({ assignee })}
      >
        <option value="all">Anyone</option>
        <option value="me">Me</option>
        <option value="none">Unassigned</option>
      </SelectField>
      <SelectField
        label="Group"
        value={view.group}
        options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
        onChange={(group) => set({ group })}
      >
        <option value="all">Any group</option>
        <option value="none">No group</option>
      </SelectField>
      <label className="field">
        <span>Tag</span>
        <input
          type="text"
          value={view.tag}
          size={10}
          onChange={(e) => set({ tag: e.target.value })}
        />
      </label>
      <SelectField
        label="SLA"
        value={view.sla}
        options={slaStateOptions}
        onChange={(sla) => set({ sla })}
      >
        <option value="all">Any</option>
      </SelectField>
    </form>
  );
}
