import type { Sql } from "@signpost/db";
import type { TRole, TUser } from "@signpost/contracts";

export interface UserRow {
  id: string;
  workspace_id: string;
  email: string;
  name: string;
  password_hash: string | null;
  roles: TRole[];
  org_id: string | null;
  status: "active" | "disabled";
  created_at: Date;
}

export const toUser = (r: UserRow): TUser => ({
  id: r.id,
  email: r.email,
  name: r.name,
  roles: r.roles,
  orgId: r.org_id,
  status: r.status,
  createdAt: new Date(r.created_at).toISOString(),
});

const columns = "id, workspace_id, email, name, password_hash, roles, org_id, status, created_at";

/** The only code that reads and writes `identity.users` and `identity.workspaces`. */
export const userRepository = {
  async workspaceBySlug(sql: Sql, slug: string) {
    const { rows } = await sql.query<{ id: string; name: string }>(
      `select id, name from identity.workspaces where slug = $1`,
      [slug],
    );
    return rows[0] ?? null;
  },

  async workspaceName(sql: Sql, id: string) {
    const { rows } = await sql.query<{ name: string }>(
      `select name from identity.workspaces where id = $1`,
      [id],
    );
    return rows[0]?.name ?? "";
  },

  async upsertWorkspace(sql: Sql, w: { id: string; slug: string; name: string }) {
    await sql.query(
      `insert into identity.workspaces (id, slug, name) values ($1, $2, $3) on conflict (id) do nothing`,
      [w.id, w.slug, w.name],
    );
  },

  async byEmail(sql: Sql, workspaceId: string, email: string): Promise<UserRow | null> {
    const { rows } = await sql.query<UserRow>(
      `select ${columns} from identity.users where workspace_id = $1 and email = $2`,
      [workspaceId, email],
    );
    return rows[0] ?? null;
  },

  async byId(sql: Sql, workspaceId: string, id: string): Promise<UserRow | null> {
    const { rows } = await sql.query<UserRow>(
      `select ${columns} from identity.users where workspace_id = $1 and id = $2`,
      [workspaceId, id],
    );
    return rows[0] ?? null;
  },

  async insert(
    sql: Sql,
    u: {
      id?: string;
      workspaceId: string;
      email: string;
      name: string;
      passwordHash: string;
      roles: TRole[];
      orgId: string | null;
    },
  ): Promise<UserRow | null> {
    const { rows } = await sql.query<UserRow>(
      `insert into identity.users (id, workspace_id, email, name, password_hash, roles, org_id)
       values (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5, $6, $7)
       on conflict (workspace_id, email) do nothing
       returning ${columns}`,
      [u.id ?? null, u.workspaceId, u.email, u.name, u.passwordHash, u.roles, u.orgId],
    );
    return rows[0] ?? null;
  },

  async list(sql: Sql, workspaceId: string, orgId?: string): Promise<UserRow[]> {
    const { rows } = await sql.query<UserRow>(
      `select ${columns} from identity.users where workspace_id = $1 and ($2::uuid is null or org_id = $2)
        order by name limit 1000`,
      [workspaceId, orgId ?? null],
    );
    return rows;
  },

  async update(
    sql: Sql,
    workspaceId: string,
    id: string,
    change: { roles?: TRole[] | undefined; status?: "active" | "disabled" | undefined },
  ): Promise<UserRow | null> {
    const { rows } = await sql.query<UserRow>(
      `update identity.users set roles = coalesce($3, roles), status = coalesce($4, status)
        where workspace_id = $1 and id = $2 returning ${columns}`,
      [workspaceId, id, change.roles ?? null, change.status ?? null],
    );
    return rows[0] ?? null;
  },

  async setPassword(sql: Sql, id: string, passwordHash: string) {
    await sql.query(`update identity.users set password_hash = $2 where id = $1`, [
      id,
      passwordHash,
    ]);
  },
};
