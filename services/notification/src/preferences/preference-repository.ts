import type { TDigest, TKindPreference, TNotificationKind } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { defaultPreferences } from "./defaults.ts";

export interface ChannelChoice {
  inApp: boolean;
  email: boolean;
  digest: TDigest;
}

/** The only code that reads and writes preferences and person settings. */
export const preferenceRepository = {
  /** Each person's channels for `kind` (defaults where they set nothing) and digest setting. */
  async choicesFor(
    sql: Sql,
    userIds: readonly string[],
    kind: TNotificationKind,
  ): Promise<Map<string, ChannelChoice>> {
    const out = new Map<string, ChannelChoice>();
    if (userIds.length === 0) return out;
    const { rows } = await sql.query<{
      user_id: string;
      in_app: boolean | null;
      email: boolean | null;
      digest: TDigest | null;
    }>(
      `select u.id as user_id, p.in_app, p.email, s.digest
         from unnest($1::uuid[]) as u(id)
         left join notification.preferences p on p.user_id = u.id and p.kind = $2
         left join notification.person_settings s on s.user_id = u.id`,
      [[...userIds], kind],
    );
    const fallback = defaultPreferences[kind];
    for (const r of rows) {
      out.set(r.user_id, {
        inApp: r.in_app ?? fallback.inApp,
        email: r.email ?? fallback.email,
        digest: r.digest ?? "off",
      });
    }
    return out;
  },

  async get(
    sql: Sql,
    userId: string,
  ): Promise<{ kinds: Map<string, TKindPreference>; digest: TDigest }> {
    const [kinds, settings] = await Promise.all([
      sql.query<{ kind: TNotificationKind; in_app: boolean; email: boolean }>(
        `select kind, in_app, email from notification.preferences where user_id = $1`,
        [userId],
      ),
      sql.query<{ digest: TDigest }>(
        `select digest from notification.person_settings where user_id = $1`,
        [userId],
      ),
    ]);
    return {
      kinds: new Map(
        kinds.rows.map((r) => [r.kind, { kind: r.kind, inApp: r.in_app, email: r.email }]),
      ),
      digest: settings.rows[0]?.digest ?? "off",
    };
  },

  async setKind(sql: Sql, workspaceId: string, userId: string, p: TKindPreference) {
    await sql.query(
      `insert into notification.preferences (workspace_id, user_id, kind, in_app, email)
       values ($1, $2, $3, $4, $5)
       on conflict (user_id, kind) do update set in_app = excluded.in_app, email = excluded.email`,
      [workspaceId, userId, p.kind, p.inApp, p.email],
    );
  },

  async setDigest(sql: Sql, workspaceId: string, userId: string, digest: TDigest) {
    await sql.query(
      `insert into notification.person_settings (workspace_id, user_id, digest) values ($1, $2, $3)
       on conflict (user_id) do update set digest = excluded.digest`,
      [workspaceId, userId, digest],
    );
  },
};
