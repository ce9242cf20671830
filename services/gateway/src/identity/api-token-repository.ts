import type { Sql } from "@signpost/db";
import type { TRole } from "@signpost/contracts";

export interface ApiTokenRow {
  id: string;
  workspace_id: string;
  name: string;
  role: TRole;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const columns = "id, workspace_id, name, role, prefix, created_at, last_used_at, revoked_at";

export const toApiToken = (r: ApiTokenRow) => ({
  id: r.id,
  name: r.name,
  role: r.role,
  prefix: r.prefix,
  createdAt: new Date(r.created_at).toISOString(),
  lastUsedAt: r.last_used_at ? new Date(r.last_used_at).toISOString() : null,
  revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
});

/** The only code that reads and writes `identity.api_tokens`. */
export const apiTokenRepository = {
  async insert(
    sql: Sql,
    t: {
      workspaceId: string;
      name: string;
      role: TRole;
      prefix: string;
      tokenHash: string;
      createdBy: string;
    },
  ): Promise<ApiTokenRow> {
    const { rows } = await sql.query<ApiTokenRow>(
      `insert into identity.api_tokens (workspace_id, name, role, prefix, token_hash, created_by)
       values ($1, $2, $3, $4, $5, $6) returning ${columns}`,
      [t.workspaceId, t.name, t.role, t.prefix, t.tokenHash, t.createdBy],
    );
    return rows[0] as ApiTokenRow;
  },

  /** A live token by its hash; records the use. */
  async use(sql: Sql, tokenHash: string): Promise<ApiTokenRow | null> {
    const { rows } = await sql.query<ApiTokenRow>(
      `update identity.api_tokens set last_used_at = now()
        where token_hash = $1 and revoked_at is null returning ${columns}`,
      [tokenHash],
    );
    return rows[0] ?? null;
  },

  async list(sql: Sql, workspaceId: string): Promise<ApiTokenRow[]> {
    const { rows } = await sql.query<ApiTokenRow>(
      `select ${columns} from identity.api_tokens where workspace_id = $1 order by created_at desc`,
      [workspaceId],
    );
    return rows;
  },

  async revoke(sql: Sql, workspaceId: string, id: string): Promise<ApiTokenRow | null> {
    const { rows } = await sql.query<ApiTokenRow>(
      `update identity.api_tokens set revoked_at = coalesce(revoked_at, now())
        where workspace_id = $1 and id = $2 returning ${columns}`,
      [workspaceId, id],
    );
    return rows[0] ?? null;
  },
};
