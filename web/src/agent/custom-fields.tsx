import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { TCustomFieldDef, TTicket } from "@signpost/contracts";
import { api } from "../trpc.ts";
import { SelectField } from "../ui/select-field.tsx";
import { ErrorNotice } from "../ui/states.tsx";
import { useTicketChange } from "./use-ticket-change.ts";

type Value = string | number | null;

const customFieldsQuery = {
  queryKey: ["ticket", "custom-fields"] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    api.ticket.fields.customFields.query(undefined, { signal }),
  staleTime: 5 * 60_000,
};

/** What a form control holds ("" for nothing) back into the typed value the service checks. */
const valueOf = (def: TCustomFieldDef, raw: string): Value =>
  raw.trim() === "" ? null : def.type === "number" ? Number(raw) : raw;

function FieldInput({
  def,
  raw,
  onChange,
}: {
  def: TCustomFieldDef;
  raw: string;
  onChange: (raw: string) => void;
}) {
  const label = `${def.label}${def.required ? " (required)" : ""}`;
  if (def.type === "select")
    return (
      <SelectField
        label={label}
        value={raw}
        options={def.options.map((o) => ({ value: o, label: o }))}
        onChange={onChange}
      >
        <option value="">—</option>
      </SelectField>
    );
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type={def.type === "number" ? "number" : def.type === "date" ? "date" : "text"}
        step={def.type === "number" ? "any" : undefined}
        value={raw}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

/** The workspace's own fields (text, number, select, date) for this ticket, saved together. */
export function CustomFields({ ticket }: { ticket: TTicket }) {
  const defs = useQuery(customFieldsQuery);
  const active = (defs.data ?? []).filter((d) => d.active);
  const stored = (key: string) => String(ticket.customFields[key] ?? "");
  const [edits, setEdits] = useState<Record<string, string>>({});
  const save = useTicketChange((values: Record<string, Value>) =>
    api.ticket.tickets.update.mutate({ ticketId: ticket.id, customFields: values }),
  );
  if (defs.isError) return <ErrorNotice error={defs.error} retry={() => void defs.refetch()} />;
  if (active.length === 0) return null;
  const changed = Object.keys(edits).filter((k) => edits[k] !== stored(k));
  return (
    <section aria-labelledby="fields-heading">
      <h2 id="fields-heading">Fields</h2>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const values: Record<string, Value> = {};
          for (const key of changed) {
            const def = active.find((d) => d.key === key);
            if (def) values[key] = valueOf(def, edits[key] ?? "");
          }
          save.mutate(values, { onSuccess: () => setEdits({}) });
        }}
      >
        <div className="row">
          {active.map((def) => (
            <FieldInput
              key={def.key}
              def={def}
              raw={edits[def.key] ?? stored(def.key)}
              onChange={(raw) => setEdits({ ...edits, [def.key]: raw })}
            />
          ))}
        </div>
        <div className="row">
          <button type="submit" disabled={changed.length === 0 || save.isPending}>
            {save.isPending ? "Saving…" : "Save fields"}
          </button>
          {save.isSuccess && changed.length === 0 && (
            <span role="status" className="muted small">
              Saved
            </span>
          )}
        </div>
        {save.isError && <ErrorNotice error={save.error} />}
      </form>
    </section>
  );
}
