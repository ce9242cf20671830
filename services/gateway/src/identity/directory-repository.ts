import type { Sql } from "@signpost/db";
import type { TGroup, TOrganization } from "@signpost/contracts";

interface OrgRow {
  id: string;
  name: string;
  domain: string | null;
  created_at: Date;
}
const toOrg = (r: OrgRow): TOrganization => ({
  id: r.id,
  name: r.name,
  domain: r.domain,
  createdAt: new Date(r.created_at).toISOString(),
});

/** The only code that reads and writes organizations and groups. */
export const directoryRepository = {
  async insertOrg(
    sql: Sql,
    o: { id?: string; workspaceId: string; name: string; domain: string | null },
  ) {
    const { rows } = await sql.query<OrgRow>(
      `insert into identity.organizations (id, workspace_id, name, domain)
       values (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4)
       on conflict (workspace_id, name) do nothing returning id, name, domain, created_at`,
      [o.id ?? null, o.workspaceId, o.name, o.domain],
    );
    return rows[0] ? toOrg(rows[0]) : null;
  },

  async orgExists(sql: Sql, workspaceId: string, id: string): Promise<boolean> {
    const { rows } = await sql.query(
      `select 1 from identity.organizations where workspace_id = $1 and id = $2`,
      [workspaceId, id],
    );
    return rows.length > 0;
  },

  async listOrgs(sql: Sql, workspaceId: string): Promise<TOrganization[]> {
    const { rows } = await sql.query<OrgRow>(
      `select id, name, domain, created_at from identity.organizations where workspace_id = $1 order by name`,
      [workspaceId],
    );
    return rows.map(toOrg);
  },

  async insertGroup(sql: Sql, workspaceId: string, name: string): Promise<TGroup | null> {
    const { rows } = await sql.query<{ id: string; name: string }>(
      `insert into identity.groups (workspace_id, name) values ($1, $2)
       on conflict (workspace_id, name) do nothing returning id, name`,
      [workspaceId, name],
    );
    return rows[0] ? { ...rows[0], memberIds: [], leadId: null } : null;
  },

  async listGroups(sql: Sql, workspaceId: string): Promise<TGroup[]> {
    const { rows } = await sql.query<{
      id: string;
      name: string;
      member_ids: string[] | null;
      lead_id: string | null;
    }>(
      `select g.id, g.name, g.lead_id,
              array_remove(array_agg(m.user_id order by m.user_id), null) as member_ids
         from identity.groups g left join identity.group_members m on m.group_id = g.id
        where g.workspace_id = $1 group by g.id, g.name, g.lead_id order by g.name`,
      [workspaceId],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      memberIds: r.member_ids ?? [],
      leadId: r.lead_id,
    }));
  },

  async groupExists(sql: Sql, workspaceId: string, id: string): Promise<boolean> {
    const { rows } = await sql.query(
      `select 1 from identity.groups where workspace_id = $1 and id = $2`,
      [workspaceId, id],
    );
    return rows.length > 0;
  },

  async setLead(sql: Sql, workspaceId: string, groupId: string, leadId: string | null) {
    await sql.query(`update identity.groups set lead_id = $3 where workspace_id = $1 and id = $2`, [
      workspaceId,
      groupId,
      leadId,
    ]);
  },

  async addMember(sql: Sql, groupId: string, userId: string) {
    await sql.query(
      `insert into identity.group_members (group_id, user_id) values ($1, $2) on conflict do nothing`,
      [groupId, userId],
    );
  },

  async removeMember(sql: Sql, groupId: string, userId: string) {
    await sql.query(`delete from identity.group_members where group_id = $1 and user_id = $2`, [
      groupId,
      userId,
    ]);
  },
};
