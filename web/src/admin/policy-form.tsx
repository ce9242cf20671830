import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { TSlaPolicy, TTicketPriority } from "@signpost/contracts";
import { groupsQuery, organizationsQuery } from "../queries.ts";
import { api } from "../trpc.ts";
import { fieldErrors } from "../ui/errors.ts";
import { priorities, priorityLabels } from "../ui/format.ts";
import { ErrorNotice } from "../ui/states.tsx";
import { calendarsQuery, categoriesQuery, slaKeys } from "./sla-queries.ts";
import { TargetInput } from "./target-input.tsx";

type Fields = Omit<TSlaPolicy, "id">;

const blank: Fields = {
  name: "",
  priority: "medium",
  category: null,
  orgId: null,
  firstResponseMinutes: 240,
  resolutionMinutes: 1440,
  calendarId: null,
  escalateRaisePriority: false,
  escalateGroupId: null,
};

/** Creates or edits an SLA policy: what it applies to, its targets, clock and escalation. */
export function PolicyForm({ policy, onDone }: { policy: TSlaPolicy | null; onDone: () => void }) {
  const client = useQueryClient();
  const [f, setF] = useState<Fields>(policy ?? blank);
  const set = (patch: Partial<Fields>) => setF({ ...f, ...patch });
  const calendars = useQuery(calendarsQuery());
  const categories = useQuery(categoriesQuery());
  const orgs = useQuery(organizationsQuery());
  const groups = useQuery(groupsQuery());
  const save = useMutation({
    mutationFn: () =>
      policy
        ? api.ticket.sla.policies.update.mutate({ policyId: policy.id, ...f })
        : api.ticket.sla.policies.create.mutate(f),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: slaKeys.policies });
      onDone();
    },
  });
  const errors = fieldErrors(save.error);
  const title = policy ? `Edit ${policy.name}` : "New policy";
  const orNull = (v: string) => (v === "" ? null : v);
  return (
    <form
      className="card stack"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2>{title}</h2>
      <div className="row">
        <div className="field">
          <label htmlFor="policy-name">Name</label>
          <input
            id="policy-name"
            value={f.name}
            required
            maxLength={100}
            onChange={(e) => set({ name: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="policy-priority">Priority</label>
          <select
            id="policy-priority"
            value={f.priority}
            onChange={(e) => set({ priority: e.target.value as TTicketPriority })}
          >
            {priorities.map((p) => (
              <option key={p} value={p}>
                {priorityLabels[p]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="policy-category">Category</label>
          <select
            id="policy-category"
            value={f.category ?? ""}
            onChange={(e) => set({ category: orNull(e.target.value) })}
          >
            <option value="">Any category</option>
            {(categories.data ?? []).map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="policy-org">Organization</label>
          <select
            id="policy-org"
            value={f.orgId ?? ""}
            onChange={(e) => set({ orgId: orNull(e.target.value) })}
          >
            <option value="">Any organization</option>
            {[...(orgs.data?.values() ?? [])].map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="row">
        <TargetInput
          id="policy-first-response"
          label="First response within"
          minutes={f.firstResponseMinutes}
          onChange={(m) => set({ firstResponseMinutes: m })}
        />
        <TargetInput
          id="policy-resolution"
          label="Resolution within"
          minutes={f.resolutionMinutes}
          onChange={(m) => set({ resolutionMinutes: m })}
        />
        <div className="field">
          <label htmlFor="policy-clock">Counting</label>
          <select
            id="policy-clock"
            value={f.calendarId ?? ""}
            onChange={(e) => set({ calendarId: orNull(e.target.value) })}
          >
            <option value="">Calendar time (around the clock)</option>
            {(calendars.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                Business hours: {c.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {(errors.firstResponseMinutes || errors.resolutionMinutes) && (
        <p className="field-error">{errors.firstResponseMinutes ?? errors.resolutionMinutes}</p>
      )}
      <fieldset className="stack">
        <legend>On breach</legend>
        <label className="row">
          <input
            type="checkbox"
            checked={f.escalateRaisePriority}
            onChange={(e) => set({ escalateRaisePriority: e.target.checked })}
          />
          Raise the priority one step
        </label>
        <div className="field">
          <label htmlFor="policy-escalate-group">Move to group</label>
          <select
            id="policy-escalate-group"
            value={f.escalateGroupId ?? ""}
            onChange={(e) => set({ escalateGroupId: orNull(e.target.value) })}
          >
            <option value="">Keep its group</option>
            {(groups.data ?? []).map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      {save.isError && <ErrorNotice error={save.error} />}
      <div className="row">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save policy"}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
