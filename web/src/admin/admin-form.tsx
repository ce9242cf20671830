import { useMutation, useQueryClient, type UseMutationResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ErrorNotice } from "../ui/states.tsx";

/**
 * Saving an admin form (create or update): refresh the list it edits, then close the form. The
 * list is refreshed before closing so that the saved item is visible the moment the form goes.
 */
export function useSaveThenClose<T>(
  queryKey: readonly unknown[],
  save: () => Promise<T>,
  onDone: () => void,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: save,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey });
      onDone();
    },
  });
}

/** The frame of an admin create/edit form: titled card, the save error, Save and Cancel. */
export function AdminForm({
  title,
  save,
  saveLabel,
  onDone,
  children,
}: {
  title: string;
  save: UseMutationResult<unknown, Error, void>;
  saveLabel: string;
  onDone: () => void;
  children: ReactNode;
}) {
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
      {children}
      {save.isError && <ErrorNotice error={save.error} />}
      <div className="row">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : saveLabel}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
