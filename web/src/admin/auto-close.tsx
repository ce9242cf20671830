import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTitle } from "../shell/use-title.ts";
import { api } from "../trpc.ts";
import { ErrorNotice, Loading } from "../ui/states.tsx";
import { slaKeys } from "./sla-queries.ts";

/** How many days a resolved ticket waits before it closes by itself (0: never). */
export function AutoClose() {
  useTitle("Auto-close");
  const client = useQueryClient();
  const settings = useQuery({
    queryKey: slaKeys.settings,
    queryFn: ({ signal }) => api.ticket.sla.settings.get.query(undefined, { signal }),
  });
  const [days, setDays] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (autoCloseDays: number) => api.ticket.sla.settings.set.mutate({ autoCloseDays }),
    onSuccess: (s) => {
      client.setQueryData(slaKeys.settings, s);
      setDays(null);
    },
  });
  if (settings.isPending) return <Loading />;
  if (settings.isError)
    return <ErrorNotice error={settings.error} retry={() => void settings.refetch()} />;
  const value = days ?? String(settings.data.autoCloseDays);
  const parsed = Number(value);
  const valid = value.trim() !== "" && Number.isFinite(parsed) && parsed >= 0 && parsed <= 365;
  return (
    <section className="stack">
      <h1>Auto-close</h1>
      <form
        className="card stack"
        aria-label="Auto-close"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) save.mutate(parsed);
        }}
      >
        <div className="field">
          <label htmlFor="auto-close-days">Close resolved tickets after (days)</label>
          <input
            id="auto-close-days"
            type="number"
            min={0}
            max={365}
            step="any"
            value={value}
            aria-invalid={valid ? undefined : true}
            aria-describedby="auto-close-hint"
            onChange={(e) => setDays(e.target.value)}
          />
          <span id="auto-close-hint" className="field-hint">
            0 turns it off. A customer reply before then reopens the ticket instead.
          </span>
          {!valid && <span className="field-error">Enter a number of days from 0 to 365.</span>}
        </div>
        {save.isError && <ErrorNotice error={save.error} />}
        {save.isSuccess && days === null && (
          <p role="status" className="notice notice-success">
            Saved.
          </p>
        )}
        <div>
          <button type="submit" className="button-primary" disabled={!valid || save.isPending}>
            {save.isPending ? "Saving…" : "Save"}
          </button>
        </div>
      </form>
    </section>
  );
}
