import { ticketStatuses, type TStatusDef, type TTicketStatus } from "@signpost/contracts";
import type { Sql } from "@signpost/db";

const labels: Record<TTicketStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  waiting_on_customer: "Waiting on customer",
  resolved: "Resolved",
  closed: "Closed",
};

/** The five built-in statuses every workspace has, each its own kind. */
export const builtInStatuses: TStatusDef[] = ticketStatuses.map((kind) => ({
  key: kind,
  label: labels[kind],
  kind,
  builtIn: true,
}));

export const statusRepository = {
  async list(sql: Sql, workspaceId: string): Promise<TStatusDef[]> {
    const { rows } = await sql.query<{ key: string; label: string; kind: TTicketStatus }>(
      `select key, label, kind from ticket.ticket_statuses where workspace_id = $1
        order by position, key`,
      [workspaceId],
    );
    return [...builtInStatuses, ...rows.map((r) => ({ ...r, builtIn: false }))];
  },

  /** The status called `key` in this workspace (built-in or custom), or null. */
  async find(sql: Sql, workspaceId: string, key: string): Promise<TStatusDef | null> {
    const builtIn = builtInStatuses.find((s) => s.key === key);
    if (builtIn) return builtIn;
    const { rows } = await sql.query<{ key: string; label: string; kind: TTicketStatus }>(
      `select key, label, kind from ticket.ticket_statuses where workspace_id = $1 and key = $2`,
      [workspaceId, key],
    );
    return rows[0] ? { ...rows[0], builtIn: false } : null;
  },

  async insert(sql: Sql, workspaceId: string, s: Omit<TStatusDef, "builtIn">): Promise<boolean> {
    const r = await sql.query(
      `insert into ticket.ticket_statuses (workspace_id, key, label, kind, position)
       values ($1, $2, $3, $4,
         (select coalesce(max(position), 0) + 1 from ticket.ticket_statuses where workspace_id = $1))
       on conflict do nothing`,
      [workspaceId, s.key, s.label, s.kind],
    );
    return r.rowCount > 0;
  },
};
