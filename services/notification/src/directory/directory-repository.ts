import type { PayloadOf } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import type { Person } from "./person.ts";

interface PersonRow {
  user_id: string;
  workspace_id: string;
  email: string;
  name: string;
  roles: Person["roles"];
  org_id: string | null;
  active: boolean;
}

const toPerson = (r: PersonRow): Person => ({
  userId: r.user_id,
  workspaceId: r.workspace_id,
  email: r.email,
  name: r.name,
  roles: r.roles,
  orgId: r.org_id,
  active: r.active,
});

const columns = "user_id, workspace_id, email, name, roles, org_id, active";

/** The only code that reads and writes the directory projection. */
export const directoryRepository = {
  /** Applies a person's state unless a newer one is already recorded (events may arrive late). */
  async upsertPerson(
    tx: Sql,
    workspaceId: string,
    changedAt: string,
    p: PayloadOf<"directory.user.changed">,
  ): Promise<void> {
    await tx.query(
      `insert into notification.directory_people
         (user_id, workspace_id, email, name, roles, org_id, active, changed_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (user_id) do update set
         email = excluded.email, name = excluded.name, roles = excluded.roles,
         org_id = excluded.org_id, active = excluded.active, changed_at = excluded.changed_at
       where notification.directory_people.changed_at <= excluded.changed_at
         and notification.directory_people.workspace_id = excluded.workspace_id`,
      [p.userId, workspaceId, p.email, p.name, p.roles, p.orgId, p.active, changedAt],
    );
  },

  async upsertGroup(
    tx: Sql,
    workspaceId: string,
    changedAt: string,
    g: PayloadOf<"directory.group.changed">,
  ): Promise<void> {
    await tx.query(
      `insert into notification.directory_groups
         (group_id, workspace_id, name, member_ids, deleted, changed_at, lead_id)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (group_id) do update set
         name = excluded.name, member_ids = excluded.member_ids, deleted = excluded.deleted,
         changed_at = excluded.changed_at, lead_id = excluded.lead_id
       where notification.directory_groups.changed_at <= excluded.changed_at
         and notification.directory_groups.workspace_id = excluded.workspace_id`,
      // Each event is a full snapshot: one without a lead means the group has none.
      [g.groupId, workspaceId, g.name, g.memberIds, g.deleted, changedAt, g.leadId ?? null],
    );
  },

  /** Active people of the workspace among `ids`. */
  async people(sql: Sql, workspaceId: string, ids: readonly string[]): Promise<Person[]> {
    if (ids.length === 0) return [];
    const { rows } = await sql.query<PersonRow>(
      `select ${columns} from notification.directory_people
        where workspace_id = $1 and user_id = any($2::uuid[]) and active`,
      [workspaceId, [...new Set(ids)]],
    );
    return rows.map(toPerson);
  },

  /** Active people of the workspace holding `role`. */
  async withRole(sql: Sql, workspaceId: string, role: string): Promise<Person[]> {
    const { rows } = await sql.query<PersonRow>(
      `select ${columns} from notification.directory_people
        where workspace_id = $1 and $2 = any(roles) and active`,
      [workspaceId, role],
    );
    return rows.map(toPerson);
  },

  /** Active members of a group (none when the group is unknown or deleted). */
  async groupMembers(sql: Sql, workspaceId: string, groupId: string): Promise<Person[]> {
    const { rows } = await sql.query<PersonRow>(
      `select p.user_id, p.workspace_id, p.email, p.name, p.roles, p.org_id, p.active
         from notification.directory_groups g
         join notification.directory_people p
           on p.user_id = any(g.member_ids) and p.workspace_id = g.workspace_id
        where g.workspace_id = $1 and g.group_id = $2 and not g.deleted and p.active`,
      [workspaceId, groupId],
    );
    return rows.map(toPerson);
  },

  /** The group's lead when one is set and active (none when the group is unknown or deleted). */
  async groupLead(sql: Sql, workspaceId: string, groupId: string): Promise<Person | null> {
    const { rows } = await sql.query<PersonRow>(
      `select p.user_id, p.workspace_id, p.email, p.name, p.roles, p.org_id, p.active
         from notification.directory_groups g
         join notification.directory_people p
           on p.user_id = g.lead_id and p.workspace_id = g.workspace_id
        where g.workspace_id = $1 and g.group_id = $2 and not g.deleted and p.active`,
      [workspaceId, groupId],
    );
    return rows[0] ? toPerson(rows[0]) : null;
  },

  async byEmail(sql: Sql, workspaceId: string, email: string): Promise<Person | null> {
    const { rows } = await sql.query<PersonRow>(
      `select ${columns} from notification.directory_people
        where workspace_id = $1 and lower(email) = lower($2) and active limit 1`,
      [workspaceId, email],
    );
    return rows[0] ? toPerson(rows[0]) : null;
  },
};
