import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { TSlaPolicy } from "@signpost/contracts";
import { groupsQuery, organizationsQuery } from "../queries.ts";
import { useTitle } from "../shell/use-title.ts";
import { api } from "../trpc.ts";
import { categoryLabel, priorityLabels } from "../ui/format.ts";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";
import { PolicyForm } from "./policy-form.tsx";
import { calendarsQuery, policiesQuery, slaKeys } from "./sla-queries.ts";
import { targetText } from "./target-input.tsx";

const rank = { urgent: 0, high: 1, medium: 2, low: 3 } as const;

/** SLA policies by priority (narrowed to a category or organization where set). */
export function Policies() {
  useTitle("SLA policies");
  const client = useQueryClient();
  const policies = useQuery(policiesQuery());
  const calendars = useQuery(calendarsQuery());
  const orgs = useQuery(organizationsQuery());
  const groups = useQuery(groupsQuery());
  const [editing, setEditing] = useState<TSlaPolicy | "new" | null>(null);
  const remove = useMutation({
    mutationFn: (policyId: string) => api.ticket.sla.policies.delete.mutate({ policyId }),
    onSuccess: () => client.invalidateQueries({ queryKey: slaKeys.policies }),
  });
  const calendarName = (id: string | null) =>
    id
      ? `Business hours (${calendars.data?.find((c) => c.id === id)?.name ?? "calendar"})`
      : "Calendar time";
  const escalation = (p: TSlaPolicy) =>
    [
      p.escalateRaisePriority ? "Raise priority" : "",
      p.escalateGroupId
        ? `Move to ${groups.data?.find((g) => g.id === p.escalateGroupId)?.name ?? "a group"}`
        : "",
    ]
      .filter(Boolean)
      .join("; ") || "—";
  return (
    <section className="stack">
      <div className="spread">
        <h1>SLA policies</h1>
        <button type="button" className="button-primary" onClick={() => setEditing("new")}>
          New policy
        </button>
      </div>
      <p className="muted">
        The most specific policy for a ticket's priority wins (organization, then category).
        Priorities without a policy use the built-in targets.
      </p>
      {editing && (
        <PolicyForm
          key={editing === "new" ? "new" : editing.id}
          policy={editing === "new" ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
      {remove.isError && <ErrorNotice error={remove.error} />}
      {policies.isPending ? (
        <Loading />
      ) : policies.isError ? (
        <ErrorNotice error={policies.error} retry={() => void policies.refetch()} />
      ) : policies.data.length === 0 ? (
        <Empty>No policies yet: every ticket uses the built-in targets for its priority.</Empty>
      ) : (
        <table>
          <caption className="visually-hidden">SLA policies</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Applies to</th>
              <th scope="col">First response</th>
              <th scope="col">Resolution</th>
              <th scope="col">Counting</th>
              <th scope="col">On breach</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...policies.data]
              .sort((a, b) => rank[a.priority] - rank[b.priority] || a.name.localeCompare(b.name))
              .map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  <td>
                    {priorityLabels[p.priority]}
                    {p.category ? ` · ${categoryLabel(p.category)}` : ""}
                    {p.orgId ? ` · ${orgs.data?.get(p.orgId)?.name ?? "an organization"}` : ""}
                  </td>
                  <td>{targetText(p.firstResponseMinutes)}</td>
                  <td>{targetText(p.resolutionMinutes)}</td>
                  <td>{calendarName(p.calendarId)}</td>
                  <td>{escalation(p)}</td>
                  <td className="row">
                    <button type="button" onClick={() => setEditing(p)}>
                      Edit<span className="visually-hidden"> {p.name}</span>
                    </button>
                    <button
                      type="button"
                      className="button-danger"
                      disabled={remove.isPending}
                      onClick={() => {
                        if (window.confirm(`Delete the policy ${p.name}?`)) remove.mutate(p.id);
                      }}
                    >
                      Delete<span className="visually-hidden"> {p.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
