import { useQuery } from "@tanstack/react-query";
import type { TTicket, TTicketPriority } from "@signpost/contracts";
import { groupsQuery, peopleQuery, statusesQuery } from "../queries.ts";
import { api } from "../trpc.ts";
import { SelectField } from "../ui/select-field.tsx";
import { ErrorNotice } from "../ui/states.tsx";
import { activeStaff, priorityOptions } from "./options.ts";
import { useTicketChange } from "./use-ticket-change.ts";

type Change =
  | { kind: "status"; status: string }
  | { kind: "priority"; priority: TTicketPriority }
  | { kind: "assignee"; assigneeId: string | null }
  | { kind: "group"; groupId: string | null };

const apply = (ticketId: string, c: Change) => {
  switch (c.kind) {
    case "status":
      return api.ticket.tickets.setStatus.mutate({ ticketId, status: c.status });
    case "priority":
      return api.ticket.tickets.setPriority.mutate({ ticketId, priority: c.priority });
    case "assignee":
      return api.ticket.tickets.assign.mutate({ ticketId, assigneeId: c.assigneeId });
    case "group":
      return api.ticket.tickets.assign.mutate({ ticketId, groupId: c.groupId });
  }
};

/** Status (the workspace's own statuses), priority, assignee and group, each saved on change. */
export function TicketControls({ ticket }: { ticket: TTicket }) {
  const statuses = useQuery(statusesQuery());
  const people = useQuery(peopleQuery());
  const groups = useQuery(groupsQuery());
  const change = useTicketChange((c: Change) => apply(ticket.id, c));
  const agents = activeStaff(people.data);
  return (
    <div className="stack">
      <div className="row controls" role="group" aria-label="Ticket fields">
        <SelectField
          label="Status"
          value={ticket.statusKey}
          disabled={change.isPending}
          options={(statuses.data ?? [{ key: ticket.statusKey, label: ticket.statusKey }]).map(
            (s) => ({ value: s.key, label: s.label }),
          )}
          onChange={(status) => change.mutate({ kind: "status", status })}
        />
        <SelectField
          label="Priority"
          value={ticket.priority}
          disabled={change.isPending}
          options={priorityOptions}
          onChange={(priority) => change.mutate({ kind: "priority", priority })}
        />
        <SelectField
          label="Assignee"
          value={ticket.assigneeId ?? ""}
          disabled={change.isPending}
          options={agents.map((u) => ({ value: u.id, label: u.name }))}
          onChange={(id) => change.mutate({ kind: "assignee", assigneeId: id || null })}
        >
          <option value="">Unassigned</option>
        </SelectField>
        <SelectField
          label="Group"
          value={ticket.groupId ?? ""}
          disabled={change.isPending}
          options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
          onChange={(id) => change.mutate({ kind: "group", groupId: id || null })}
        >
          <option value="">No group</option>
        </SelectField>
      </div>
      {change.isError && <ErrorNotice error={change.error} />}
    </div>
  );
}
