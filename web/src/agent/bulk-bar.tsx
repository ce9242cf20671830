import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TTicketPriority } from "@signpost/contracts";
import { keys, peopleQuery, statusesQuery } from "../queries.ts";
import { api } from "../trpc.ts";
import { SelectField } from "../ui/select-field.tsx";
import { ErrorNotice } from "../ui/states.tsx";
import { activeStaff, priorityOptions } from "./options.ts";

type BulkAction =
  | { action: "assign"; assigneeId: string | null }
  | { action: "status"; status: string }
  | { action: "priority"; priority: TTicketPriority }
  | { action: "close" };

/**
 * Acts on the selected tickets at once. The service goes ticket by ticket, so the bar reports the
 * ones it refused (e.g. a closed ticket) without undoing the rest.
 */
export function BulkBar({
  selected,
  me,
  onDone,
}: {
  selected: string[];
  me: string;
  onDone: () => void;
}) {
  const client = useQueryClient();
  const people = useQuery(peopleQuery());
  const statuses = useQuery(statusesQuery());
  const bulk = useMutation({
    mutationFn: (a: BulkAction) => api.ticket.tickets.bulk.mutate({ ...a, ticketIds: selected }),
    onSuccess: (r) => {
      void client.invalidateQueries({ queryKey: keys.tickets });
      if (r.results.every((x) => x.ok)) onDone();
    },
  });
  const refused = bulk.data?.results.filter((r) => !r.ok) ?? [];
  const count = selected.length;
  return (
    <div className="card bulk-bar" role="region" aria-label="Bulk actions">
      <div className="row">
        <strong>
          {count} {count === 1 ? "ticket" : "tickets"} selected
        </strong>
        <SelectField
          label="Assign to"
          value=""
          disabled={bulk.isPending}
          options={activeStaff(people.data).map((u) => ({ value: u.id, label: u.name }))}
          onChange={(id) =>
            bulk.mutate({
              action: "assign",
              assigneeId: id === "none" ? null : id === "me" ? me : id,
            })
          }
        >
          <option value="" disabled>
            Choose…
          </option>
          <option value="me">Me</option>
          <option value="none">Nobody (unassign)</option>
        </SelectField>
        <SelectField
          label="Set status"
          value=""
          disabled={bulk.isPending}
          options={(statuses.data ?? []).map((s) => ({ value: s.key, label: s.label }))}
          onChange={(status) => bulk.mutate({ action: "status", status })}
        >
          <option value="" disabled>
            Choose…
          </option>
        </SelectField>
        <SelectField<TTicketPriority | "">
          label="Set priority"
          value=""
          disabled={bulk.isPending}
          options={priorityOptions}
          onChange={(priority) => priority && bulk.mutate({ action: "priority", priority })}
        >
          <option value="" disabled>
            Choose…
          </option>
        </SelectField>
        <button
          type="button"
          className="button-danger"
          disabled={bulk.isPending}
          onClick={() => bulk.mutate({ action: "close" })}
        >
          Close tickets
        </button>
        <button type="button" className="button-quiet" onClick={onDone}>
          Clear selection
        </button>
      </div>
      {bulk.isPending && (
        <p role="status" className="muted small">
          Updating…
        </p>
      )}
      {bulk.isError && <ErrorNotice error={bulk.error} />}
      {refused.length > 0 && (
        <div role="alert" className="notice notice-error">
          {count - refused.length} updated; {refused.length} refused:{" "}
          {refused.map((r) => r.error?.message ?? r.ticketId).join("; ")}
        </div>
      )}
    </div>
  );
}
