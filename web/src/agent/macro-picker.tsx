import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { TMacro } from "@signpost/contracts";
import { keys } from "../queries.ts";
import { api } from "../trpc.ts";
import { SelectField } from "../ui/select-field.tsx";
import { ErrorNotice } from "../ui/states.tsx";

const macrosKey = ["ticket", "macros"] as const;

const actionsText = (m: TMacro) =>
  [
    m.actions.status && `status → ${m.actions.status}`,
    m.actions.priority && `priority → ${m.actions.priority}`,
    m.actions.addTags?.length && `tags + ${m.actions.addTags.join(", ")}`,
  ]
    .filter(Boolean)
    .join("; ");

/**
 * Pick a macro, read it as it will be posted here (placeholders filled in by the service), then
 * apply it: its text becomes a reply or note and its actions change the ticket.
 */
export function MacroPicker({ ticketId }: { ticketId: string }) {
  const client = useQueryClient();
  const macros = useQuery({
    queryKey: macrosKey,
    queryFn: ({ signal }) => api.ticket.macros.list.query(undefined, { signal }),
    staleTime: 60_000,
  });
  const [macroId, setMacroId] = useState("");
  const macro = macros.data?.find((m) => m.id === macroId);
  const preview = useQuery({
    queryKey: ["ticket", "macro-preview", macroId, ticketId] as const,
    queryFn: ({ signal }) => api.ticket.macros.preview.query({ macroId, ticketId }, { signal }),
    enabled: Boolean(macroId),
  });
  const apply = useMutation({
    mutationFn: () => api.ticket.macros.applyTo.mutate({ macroId, ticketId }),
    onSuccess: () => {
      setMacroId("");
      void client.invalidateQueries({ queryKey: keys.comments(ticketId) });
      void client.invalidateQueries({ queryKey: keys.ticket(ticketId) });
      void client.invalidateQueries({ queryKey: keys.tickets });
    },
  });
  if (macros.isError) return <ErrorNotice error={macros.error} />;
  if (!macros.data?.length) return null;
  return (
    <section className="card stack" aria-labelledby="macro-heading">
      <h2 id="macro-heading">Macros</h2>
      <SelectField
        label="Macro"
        value={macroId}
        options={macros.data.map((m) => ({ value: m.id, label: m.name }))}
        onChange={setMacroId}
      >
        <option value="">Choose a macro…</option>
      </SelectField>
      {macro && (
        <>
          <p className="muted small">
            Posts {macro.visibility === "internal" ? "an internal note" : "a reply to the customer"}
            {actionsText(macro) ? `; ${actionsText(macro)}` : ""}.
          </p>
          {preview.isError && <ErrorNotice error={preview.error} />}
          <div className="message-body macro-preview" aria-label="Macro preview" role="region">
            {preview.data?.body ?? "…"}
          </div>
          <div className="row">
            <button
              type="button"
              className="button-primary"
              disabled={!preview.data || apply.isPending}
              onClick={() => apply.mutate()}
            >
              {apply.isPending ? "Applying…" : "Apply macro"}
            </button>
          </div>
        </>
      )}
      {apply.isError && <ErrorNotice error={apply.error} />}
    </section>
  );
}
