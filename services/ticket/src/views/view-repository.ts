import type { TSavedView, TTicketFilters, TTicketSort } from "@signpost/contracts";
import type { Sql } from "@signpost/db";

interface ViewRow {
  id: string;
  name: string;
  query: { filters: TTicketFilters; sort: TTicketSort };
}
const toView = (r: ViewRow): TSavedView => ({
  id: r.id,
  name: r.name,
  filters: r.query.filters,
  sort: r.query.sort,
});

/** Saved views belong to one agent; nobody else can read or use them. */
export const viewRepository = {
  async insert(sql: Sql, workspaceId: string, ownerId: string, v: TSavedView): Promise<void> {
    await sql.query(
      `insert into ticket.saved_views (id, workspace_id, owner_id, name, query)
       values ($1, $2, $3, $4, $5)`,
      [v.id, workspaceId, ownerId, v.name, JSON.stringify({ filters: v.filters, sort: v.sort })],
    );
  },
  async find(sql: Sql, workspaceId: string, ownerId: string, id: string) {
    const { rows } = await sql.query<ViewRow>(
      `select id, name, query from ticket.saved_views
        where workspace_id = $1 and owner_id = $2 and id = $3`,
      [workspaceId, ownerId, id],
    );
    return rows[0] ? toView(rows[0]) : null;
  },
  async list(sql: Sql, workspaceId: string, ownerId: string): Promise<TSavedView[]> {
    const { rows } = await sql.query<ViewRow>(
      `select id, name, query from ticket.saved_views where workspace_id = $1 and owner_id = $2
        order by name`,
      [workspaceId, ownerId],
    );
    return rows.map(toView);
  },
  async remove(sql: Sql, workspaceId: string, ownerId: string, id: string): Promise<boolean> {
    const r = await sql.query(
      `delete from ticket.saved_views where workspace_id = $1 and owner_id = $2 and id = $3`,
      [workspaceId, ownerId, id],
    );
    return r.rowCount > 0;
  },
};
