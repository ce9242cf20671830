import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { TSlaPolicy } from "@signpost/contracts";
import { groupsQuery, organizationsQuery } from "../queries.ts";
import { api } from "../trpc.ts";
import { fieldErrors } from "../ui/errors.ts";
import { priorities, priorityLabels } from "../ui/format.ts";
import { SelectField } from "../ui/select-field.tsx";
import { AdminForm, useSaveThenClose } from "./admin-form.tsx";
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
  const [f, setF] = useState<Fields>(policy ?? blank);
  const set = (patch: Partial<Fields>) => setF({ ...f, ...patch });
  const calendars = useQuery(calendarsQuery());
  const categories = useQuery(categoriesQuery());
  const orgs = useQuery(organizationsQuery());
  const groups = useQuery(groupsQuery());
  const save = useSaveThenClose(
    slaKeys.policies,
    () =>
      policy
        ? api.ticket.sla.policies.update.mutate({ policyId: policy.id, ...f })
        : api.ticket.sla.policies.create.mutate(f),
    onDone,
  );
  const errors = fieldErrors(save.error);
  const title = policy ? `Edit ${policy.name}` : "New policy";
  const orNull = (v: string) => (v === "" ? null : v);
  return (
    <AdminForm title={title} save={save} saveLabel="Save policy" onDone={onDone}>
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
        <SelectField
          label="Priority"
          value={f.priority}
          options={priorities.map((p) => ({ value: p, label: priorityLabels[p] }))}
          onChange={(priority) => set({ priority })}
        />
        <SelectField
          label="Category"
          value={f.category ?? ""}
          options={(categories.data ?? []).map((c) => ({ value: c.key, label: c.label }))}
          onChange={(v) => set({ category: orNull(v) })}
        >
          <option value="">Any category</option>
        </SelectField>
        <SelectField
          label="Organization"
          value={f.orgId ?? ""}
          options={[...(orgs.data?.values() ?? [])].map((o) => ({ value: o.id, label: o.name }))}
          onChange={(v) => set({ orgId: orNull(v) })}
        >
          <option value="">Any organization</option>
        </SelectField>
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
        <SelectField
          label="Counting"
          value={f.calendarId ?? ""}
          options={(calendars.data ?? []).map((c) => ({
            value: c.id,
            label: `Business hours: ${c.name}`,
          }))}
          onChange={(v) => set({ calendarId: orNull(v) })}
        >
          <option value="">Calendar time (around the clock)</option>
        </SelectField>
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
        <SelectField
          label="Move to group"
          value={f.escalateGroupId ?? ""}
          options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
          onChange={(v) => set({ escalateGroupId: orNull(v) })}
        >
          <option value="">Keep its group</option>
        </SelectField>
      </fieldset>
    </AdminForm>
  );
}
