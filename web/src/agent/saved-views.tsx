import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { TSavedView } from "@signpost/contracts";
import { api } from "../trpc.ts";
import { SelectField } from "../ui/select-field.tsx";
import { ErrorNotice } from "../ui/states.tsx";
import { defaultView, filtersOf, viewOfSaved, type QueueView } from "./queue-view.ts";

const viewsKey = ["ticket", "views"] as const;

/** The agent's own saved views: pick one, save the current filters under a name, delete one. */
export function SavedViews({
  view,
  me,
  show,
}: {
  view: QueueView;
  me: string;
  show: (next: QueueView) => void;
}) {
  const client = useQueryClient();
  const views = useQuery({
    queryKey: viewsKey,
    queryFn: ({ signal }) => api.ticket.views.list.query(undefined, { signal }),
  });
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState("");
  const save = useMutation({
    mutationFn: () =>
      api.ticket.views.save.mutate({
        name,
        filters: filtersOf(view, me),
        sort: { field: view.sort, direction: view.dir },
      }),
    onSuccess: (saved) => {
      client.setQueryData(viewsKey, (old: TSavedView[] | undefined) => [...(old ?? []), saved]);
      setNaming(false);
      setName("");
      show(viewOfSaved(saved, me));
    },
  });
  const remove = useMutation({
    mutationFn: (viewId: string) => api.ticket.views.delete.mutate({ viewId }),
    onSuccess: (_ok, viewId) => {
      client.setQueryData(viewsKey, (old: TSavedView[] | undefined) =>
        (old ?? []).filter((v) => v.id !== viewId),
      );
      show(defaultView);
    },
  });
  const list = views.data ?? [];
  const current = list.find((v) => v.id === view.view);
  return (
    <div className="row saved-views" role="group" aria-label="Saved views">
      <SelectField
        label="View"
        value={current ? current.id : ""}
        options={list.map((v) => ({ value: v.id, label: v.name }))}
        onChange={(id) => {
          const picked = list.find((v) => v.id === id);
          show(picked ? viewOfSaved(picked, me) : defaultView);
        }}
      >
        <option value="">{!current && searchChanged(view) ? "Custom" : "Default"}</option>
      </SelectField>
      {current && (
        <button
          type="button"
          className="button-quiet"
          disabled={remove.isPending}
          onClick={() => remove.mutate(current.id)}
        >
          Delete view “{current.name}”
        </button>
      )}
      {naming ? (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) save.mutate();
          }}
        >
          <label className="field">
            <span>View name</span>
            <input
              autoFocus
              value={name}
              maxLength={80}
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          <button
            type="submit"
            className="button-primary"
            disabled={!name.trim() || save.isPending}
          >
            Save view
          </button>
          <button type="button" className="button-quiet" onClick={() => setNaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setNaming(true)}>
          Save as view…
        </button>
      )}
      {views.isError && <ErrorNotice error={views.error} retry={() => void views.refetch()} />}
      {save.isError && <ErrorNotice error={save.error} />}
      {remove.isError && <ErrorNotice error={remove.error} />}
    </div>
  );
}

const searchChanged = (view: QueueView) =>
  (Object.keys(defaultView) as (keyof QueueView)[]).some(
    (k) => k !== "view" && view[k] !== defaultView[k],
  );
