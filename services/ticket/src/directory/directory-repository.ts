import type { PayloadOf, TRole } from "@signpost/contracts";
import type { Sql } from "@signpost/db";

export interface Person {
  userId: string;
  email: string;
  name: string;
  roles: TRole[];
  orgId: string | null;
  active: boolean;
}

export interface Group {
  groupId: string;
  name: string;
  memberIds: string[];
}

interface PersonRow {
  user_id: string;
  email: string;
  name: string;
  roles: TRole[];
  org_id: string | null;
  active: boolean;
}
const toPerson = (r: PersonRow): Person => ({
  userId: r.user_id,
  email: r.email,
  name: r.name,
  roles: r.roles,
  orgId: r.org_id,
  active: r.active,
});

/** The ticket service's copy of the gateway's people and groups, kept by directory events. */
export const directoryRepository = {
  async upsertPerson(tx: Sql, workspaceId: string, p: PayloadOf<"directory.user.changed">) {
    await tx.query(
      `insert into ticket.directory_people (user_id, workspace_id, email, name, roles, org_id, active)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (user_id) do update set email = excluded.email, name = excluded.name,
         roles = excluded.roles, org_id = excluded.org_id, active = excluded.active
       where directory_people.workspace_id = excluded.workspace_id`,
      [p.userId, workspaceId, p.email, p.name, p.roles, p.orgId, p.active],
    );
  },

  async upsertGroup(tx: Sql, workspaceId: string, g: PayloadOf<"directory.group.changed">) {
    await tx.query(
      `insert into ticket.directory_groups (group_id, workspace_id, name, member_ids, deleted)
       values ($1, $2, $3, $4, $5)
       on conflict (group_id) do update set name = excluded.name, member_ids = excluded.member_ids,
         deleted = excluded.deleted
       where directory_groups.workspace_id = excluded.workspace_id`,
      [g.groupId, workspaceId, g.name, g.memberIds, g.deleted],
    );
  },

  async findPerson(sql: Sql, workspaceId: string, userId: string): Promise<Person | null> {
    const { rows } = await sql.query<PersonRow>(
      `select * from ticket.directory_people where workspace_id = $1 and user_id = $2`,
      [workspaceId, userId],
    );
    return rows[0] ? toPerson(rows[0]) : null;
  },

  async people(sql: Sql, workspaceId: string, userIds: string[]): Promise<Person[]> {
    if (userIds.length === 0) return [];
    const { rows } = await sql.query<PersonRow>(
      `select * from ticket.directory_people where workspace_id = $1 and user_id = any($2::uuid[])`,
      [workspaceId, userIds],
    );
    return rows.map(toPerson);
  },

  /** Active staff, for resolving @mentions by name or address. */
  async activeStaff(sql: Sql, workspaceId: string): Promise<Person[]> {
    const { rows } = await sql.query<PersonRow>(
      `select * from ticket.directory_people
        where workspace_id = $1 and active and roles && array['agent','admin','kb_editor']`,
      [workspaceId],
    );
    return rows.map(toPerson);
  },

  async findGroup(sql: Sql, workspaceId: string, groupId: string): Promise<Group | null> {
    const { rows } = await sql.query<{ group_id: string; name: string; member_ids: string[] }>(
      `select group_id, name, member_ids from ticket.directory_groups
        where workspace_id = $1 and group_id = $2 and not deleted`,
      [workspaceId, groupId],
    );
    const r = rows[0];
    return r ? { groupId: r.group_id, name: r.name, memberIds: r.member_ids } : null;
  },

  async groups(sql: Sql, workspaceId: string): Promise<Group[]> {
    const { rows } = await sql.query<{ group_id: string; name: string; member_ids: string[] }>(
      `select group_id, name, member_ids from ticket.directory_groups
        where workspace_id = $1 and not deleted order by name`,
      [workspaceId],
    );
    return rows.map((r) => ({ groupId: r.group_id, name: r.name, memberIds: r.member_ids }));
  },
};
