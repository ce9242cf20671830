import { useQuery } from "@tanstack/react-query";
import type { TSlaPolicy } from "@signpost/contracts";
import { groupsQuery, organizationsQuery } from "../queries.ts";
import { useTitle } from "../shell/use-title.ts";
import { api } from "../trpc.ts";
import { categoryLabel, priorityLabels } from "../ui/format.ts";
import { ErrorNotice } from "../ui/states.tsx";
import { AdminListBody, RowActions, useAdminList } from "./admin-list.tsx";
import { PolicyForm } from "./policy-form.tsx";
import { calendarsQuery, policiesQuery, slaKeys } from "./sla-queries.ts";
import { targetText } from "./target-input.tsx";

const rank = { urgent: 0, high: 1, medium: 2, low: 3 } as const;

/** SLA policies by priority (narrowed to a category or organization where set). */
export function Policies() {
  useTitle("SLA policies");
  const policies = useQuery(policiesQuery());
  const calendars = useQuery(calendarsQuery());
  const orgs = useQuery(organizationsQuery());
  const groups = useQuery(groupsQuery());
  const list = useAdminList<TSlaPolicy>({
    queryKey: slaKeys.policies,
    remove: (policyId) => api.ticket.sla.policies.delete.mutate({ policyId }),
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
        <button type="button" className="button-primary" onClick={() => list.edit("new")}>
          New policy
        </button>
      </div>
      <p className="muted">
        The most specific policy for a ticket's priority wins (organization, then category).
        Priorities without a policy use the built-in targets.
      </p>
      {list.form && <PolicyForm key={list.form.key} policy={list.form.item} onDone={list.close} />}
      {list.remove.isError && <ErrorNotice error={list.remove.error} />}
      <AdminListBody
        query={policies}
        empty="No policies yet: every ticket uses the built-in targets for its priority."
      >
        {(rows) => (
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
              {[...rows]
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
                    <RowActions
                      name={p.name}
                      noun="policy"
                      onEdit={() => list.edit(p)}
                      onDelete={() => list.remove.mutate(p.id)}
                      busy={list.remove.isPending}
                    />
                  </tr>
                ))}
            </tbody>
          </table>
        )}
      </AdminListBody>
    </section>
  );
}
