import { useMutation, useQueryClient, type UseQueryResult } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";

/**
 * The editing and deleting behind an admin list (calendars, SLA policies): which item the form is
 * open for (or a new one), and a delete that refreshes the list. One place so that every admin
 * list confirms, disables and refreshes the same way.
 */
export function useAdminList<T extends { id: string }>(opts: {
  queryKey: readonly unknown[];
  remove: (id: string) => Promise<unknown>;
}) {
  const client = useQueryClient();
  const [editing, setEditing] = useState<T | "new" | null>(null);
  const remove = useMutation({
    mutationFn: opts.remove,
    onSuccess: () => client.invalidateQueries({ queryKey: opts.queryKey }),
  });
  return {
    /** Set while a form is open: `key` remounts the form per item, `item` is null for a new one. */
    form: editing && {
      key: editing === "new" ? "new" : editing.id,
      item: editing === "new" ? null : editing,
    },
    edit: (item: T | "new") => setEditing(item),
    close: () => setEditing(null),
    remove,
  };
}

/** A list query's loading, error and empty states; `children` renders the rows once there are some. */
export function AdminListBody<T>({
  query,
  empty,
  children,
}: {
  query: UseQueryResult<T[]>;
  empty: ReactNode;
  children: (items: T[]) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} retry={() => void query.refetch()} />;
  if (query.data.length === 0) return <Empty>{empty}</Empty>;
  return children(query.data);
}

/** Edit and Delete for one row; the delete asks first (`noun` names what is deleted). */
export function RowActions({
  name,
  noun,
  onEdit,
  onDelete,
  busy,
}: {
  name: string;
  noun: string;
  onEdit: () => void;
  onDelete: () => void;
  busy: boolean;
}) {
  return (
    <td className="row">
      <button type="button" onClick={onEdit}>
        Edit<span className="visually-hidden"> {name}</span>
      </button>
      <button
        type="button"
        className="button-danger"
        disabled={busy}
        onClick={() => {
          if (window.confirm(`Delete the ${noun} ${name}?`)) onDelete();
        }}
      >
        Delete<span className="visually-hidden"> {name}</span>
      </button>
    </td>
  );
}
