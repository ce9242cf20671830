import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TTicket, TTicketPriority } from "@signpost/contracts";
import { groupsQuery, keys, peopleQuery, statusesQuery } from "../queries.ts";
import { api } from "../trpc.ts";
import { priorities, priorityLabels } from "../ui/format.ts";
import { ErrorNotice } from "../ui/states.tsx";

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
  const client = useQueryClient();
  const statuses = useQuery(statusesQuery());
  const people = useQuery(peopleQuery());
  const groups = useQuery(groupsQuery());
  const change = useMutation({
    mutationFn: (c: Change) => apply(ticket.id, c),
    onSuccess: (t) => {
      client.setQueryData(keys.ticket(t.id), (old: object | undefined) => ({ ...old, ...t }));
      void client.invalidateQueries({ queryKey: keys.tickets });
      void client.invalidateQueries({ queryKey: ["ticket", "sla", t.id] });
    },
  });
  const agents = [...(people.data?.values() ?? [])].filter(
    (u) => u.status === "active" && u.roles.some((r) => r === "agent" || r === "admin"),
  );
  return (
    <div className="stack">
      <div className="row controls" role="group" aria-label="Ticket fields">
        <label className="field">
          <span>Status</span>
          <select
            value={ticket.statusKey}
            disabled={change.isPending}
            onChange={(e) => change.mutate({ kind: "status", status: e.target.value })}
          >
            {(statuses.data ?? [{ key: ticket.statusKey, label: ticket.statusKey }]).map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Priority</span>
          <select
            value={ticket.priority}
            disabled={change.isPending}
            onChange={(e) =>
              change.mutate({ kind: "priority", priority: e.target.value as TTicketPriority })
            }
          >
            {priorities.map((p) => (
              <option key={p} value={p}>
                {priorityLabels[p]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Assignee</span>
          <select
            value={ticket.assigneeId ?? ""}
            disabled={change.isPending}
            onChange={(e) =>
              change.mutate({ kind: "assignee", assigneeId: e.target.value || null })
            }
          >
            <option value="">Unassigned</option>
            {agents.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Group</span>
          <select
            value={ticket.groupId ?? ""}
            disabled={change.isPending}
            onChange={(e) => change.mutate({ kind: "group", groupId: e.target.value || null })}
          >
            <option value="">No group</option>
            {(groups.data ?? []).map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {change.isError && <ErrorNotice error={change.error} />}
    </div>
  );
}
