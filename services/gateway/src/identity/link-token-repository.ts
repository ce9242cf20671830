import type { Sql } from "@signpost/db";
import type { TRole } from "@signpost/contracts";

export interface InvitationRow {
  id: string;
  workspace_id: string;
  email: string;
  roles: TRole[];
  org_id: string | null;
  expires_at: Date;
}

/** The only code that reads and writes the single-use link tokens: invitations and password resets. */
export const linkTokenRepository = {
  async insertInvitation(
    sql: Sql,
    i: {
      workspaceId: string;
      tokenHash: string;
      email: string;
      roles: TRole[];
      orgId: string | null;
      invitedBy: string;
      ttlSeconds: number;
    },
  ): Promise<InvitationRow> {
    const { rows } = await sql.query<InvitationRow>(
      `insert into identity.invitations (workspace_id, token_hash, email, roles, org_id, invited_by, expires_at)
       values ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))
       returning id, workspace_id, email, roles, org_id, expires_at`,
      [i.workspaceId, i.tokenHash, i.email, i.roles, i.orgId, i.invitedBy, i.ttlSeconds],
    );
    return rows[0] as InvitationRow;
  },

  /** Marks a live invitation used and returns it; a used, expired or unknown one yields null. */
  async consumeInvitation(sql: Sql, tokenHash: string): Promise<InvitationRow | null> {
    const { rows } = await sql.query<InvitationRow>(
      `update identity.invitations set used_at = now()
        where token_hash = $1 and used_at is null and expires_at > now()
        returning id, workspace_id, email, roles, org_id, expires_at`,
      [tokenHash],
    );
    return rows[0] ?? null;
  },

  async insertReset(sql: Sql, r: { tokenHash: string; userId: string; ttlSeconds: number }) {
    await sql.query(
      `insert into identity.password_resets (token_hash, user_id, expires_at)
       values ($1, $2, now() + make_interval(secs => $3))`,
      [r.tokenHash, r.userId, r.ttlSeconds],
    );
  },

  async consumeReset(sql: Sql, tokenHash: string): Promise<string | null> {
    const { rows } = await sql.query<{ user_id: string }>(
      `update identity.password_resets set used_at = now()
        where token_hash = $1 and used_at is null and expires_at > now() returning user_id`,
      [tokenHash],
    );
    return rows[0]?.user_id ?? null;
  },
};
