import type { TAgentSettings } from "@signpost/contracts";
import type { Sql } from "@signpost/db";

interface SettingsRow {
  user_id: string;
  away: boolean;
  capacity: number | null;
}

/** Routing rules and agent availability, owned by the ticket service. */
export const routingRepository = {
  async groupForCategory(sql: Sql, workspaceId: string, category: string) {
    const { rows } = await sql.query<{ group_id: string }>(
      `select group_id from ticket.category_routes where workspace_id = $1 and category = $2`,
      [workspaceId, category],
    );
    return rows[0]?.group_id ?? null;
  },

  async setCategoryRoute(sql: Sql, workspaceId: string, category: string, groupId: string | null) {
    if (groupId === null) {
      await sql.query(
        `delete from ticket.category_routes where workspace_id = $1 and category = $2`,
        [workspaceId, category],
      );
      return;
    }
    await sql.query(
      `insert into ticket.category_routes (workspace_id, category, group_id) values ($1, $2, $3)
       on conflict (workspace_id, category) do update set group_id = excluded.group_id`,
      [workspaceId, category, groupId],
    );
  },

  async routes(sql: Sql, workspaceId: string) {
    const { rows } = await sql.query<{ category: string; group_id: string }>(
      `select category, group_id from ticket.category_routes where workspace_id = $1
        order by category`,
      [workspaceId],
    );
    return rows.map((r) => ({ category: r.category, groupId: r.group_id }));
  },

  async settings(sql: Sql, workspaceId: string): Promise<TAgentSettings[]> {
    const { rows } = await sql.query<SettingsRow>(
      `select user_id, away, capacity from ticket.agent_settings where workspace_id = $1
        order by user_id`,
      [workspaceId],
    );
    return rows.map((r) => ({ userId: r.user_id, away: r.away, capacity: r.capacity }));
  },

  async saveSettings(sql: Sql, workspaceId: string, s: TAgentSettings): Promise<void> {
    await sql.query(
      `insert into ticket.agent_settings (user_id, workspace_id, away, capacity)
       values ($1, $2, $3, $4)
       on conflict (user_id) do update set away = excluded.away, capacity = excluded.capacity
       where agent_settings.workspace_id = excluded.workspace_id`,
      [s.userId, workspaceId, s.away, s.capacity],
    );
  },

  /**
   * Locks the group's row so concurrent auto-assignments to one group take turns, then returns its
   * members with their availability, least recently assigned first.
   */
  async lockCandidates(tx: Sql, workspaceId: string, groupId: string) {
    const locked = await tx.query(
      `select 1 from ticket.directory_groups
        where workspace_id = $1 and group_id = $2 and not deleted for update`,
      [workspaceId, groupId],
    );
    if (locked.rowCount === 0) return [];
    const { rows } = await tx.query<{ user_id: string; away: boolean; capacity: number | null }>(
      `select p.user_id, coalesce(s.away, false) as away, s.capacity
         from ticket.directory_groups g
         join ticket.directory_people p on p.user_id = any(g.member_ids)
         left join ticket.agent_settings s on s.user_id = p.user_id
        where g.group_id = $1 and p.workspace_id = $2 and p.active
          and p.roles && array['agent','admin']
        order by s.last_assigned_at nulls first, p.user_id`,
      [groupId, workspaceId],
    );
    return rows.map((r) => ({ userId: r.user_id, away: r.away, capacity: r.capacity }));
  },

  async markAssigned(tx: Sql, workspaceId: string, userId: string): Promise<void> {
    await tx.query(
      `insert into ticket.agent_settings (user_id, workspace_id, last_assigned_at)
       values ($1, $2, clock_timestamp())
       on conflict (user_id) do update set last_assigned_at = clock_timestamp()`,
      [userId, workspaceId],
    );
  },
};
