import type { Sql } from "@signpost/db";
import type { UserRow } from "./user-repository.ts";

/** The only code that reads and writes `identity.sessions`. */
export const sessionRepository = {
  async insert(
    sql: Sql,
    s: { tokenHash: string; userId: string; csrfToken: string; ttlSeconds: number },
  ) {
    await sql.query(
      `insert into identity.sessions (token_hash, user_id, csrf_token, expires_at)
       values ($1, $2, $3, now() + make_interval(secs => $4))`,
      [s.tokenHash, s.userId, s.csrfToken, s.ttlSeconds],
    );
  },

  /** The live session's user (active users only) and its CSRF token. */
  async find(sql: Sql, tokenHash: string) {
    return (await sessionRepository.findMany(sql, [tokenHash])).get(tokenHash) ?? null;
  },

  /** The live sessions among `tokenHashes` (active users only), by token hash. */
  async findMany(sql: Sql, tokenHashes: string[]) {
    const { rows } = await sql.query<
      UserRow & { csrf_token: string; expires_at: Date; token_hash: string }
    >(
      `select u.id, u.workspace_id, u.email, u.name, u.password_hash, u.roles, u.org_id, u.status,
              u.created_at, s.csrf_token, s.expires_at, s.token_hash
         from identity.sessions s join identity.users u on u.id = s.user_id
        where s.token_hash = any($1::text[]) and s.expires_at > now() and u.status = 'active'`,
      [tokenHashes],
      { prepare: true },
    );
    return new Map(rows.map((r) => [r.token_hash, r]));
  },

  async delete(sql: Sql, tokenHash: string) {
    await sql.query(`delete from identity.sessions where token_hash = $1`, [tokenHash]);
  },

  /** Signs a person out everywhere (password reset, disabled account). */
  async deleteForUser(sql: Sql, userId: string) {
    await sql.query(`delete from identity.sessions where user_id = $1`, [userId]);
  },
};
