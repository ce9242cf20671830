import type { Sql } from "@signpost/db";
import { leaveForTheEnd } from "@signpost/queue";

export interface NotificationRow {
  id: string;
  kind: string;
  ticket_id: string | null;
  ticket_number: number | null;
  title: string;
  body: string | null;
  created_at: Date | string;
  read: boolean;
  xid: string;
  seq: string;
}

export interface NewNotification {
  workspaceId: string;
  kind: string;
  ticketId: string | null;
  ticketNumber: number | null;
  title: string;
  body: string | null;
  eventId: string;
}

/** Who is reading: their own items, plus the agents' shared feed when they work tickets. */
export interface Reader {
  workspaceId: string;
  userId: string;
  agent: boolean;
}

// $1 workspace, $2 user, $3 agent: the one definition of what a person may see.
const visible = `n.workspace_id = $1
  and ((n.audience = 'user' and n.recipient_id = $2) or (n.audience = 'agents' and $3))`;
const selectRow = `select n.id, n.kind, n.ticket_id, n.ticket_number, n.title, n.body, n.created_at,
  (r.user_id is not null) as read, n.xid::text as xid, n.seq::text as seq
  from notification.notifications n
  left join notification.notification_reads r on r.notification_id = n.id and r.user_id = $2`;

interface NewRow {
  audience: "user" | "agents";
  recipientId: string | null;
  n: NewNotification;
}

/**
 * Writes now, or, in an event consumer's transaction, with the rows of the other events sharing it
 * at its end: one statement per batch of events instead of one per event. Nothing reads them back
 * before the commit.
 */
async function write(tx: Sql, rows: NewRow[]): Promise<void> {
  await leaveForTheEnd(tx, "notification.notifications", rows, insertRows);
}

async function insertRows(tx: Sql, rows: NewRow[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <T>(of: (r: NewRow) => T) => rows.map(of);
  await tx.query(
    `insert into notification.notifications
       (workspace_id, audience, recipient_id, kind, ticket_id, ticket_number, title, body, event_id)
     select * from unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::uuid[], $6::int[],
       $7::text[], $8::text[], $9::uuid[])
     on conflict do nothing`,
    [
      column((r) => r.n.workspaceId),
      column((r) => r.audience),
      column((r) => r.recipientId),
      column((r) => r.n.kind),
      column((r) => r.n.ticketId),
      column((r) => r.n.ticketNumber),
      column((r) => r.n.title),
      column((r) => r.n.body),
      column((r) => r.n.eventId),
    ],
    { prepare: true },
  );
}

/** The only code that reads and writes the notification tables. */
export const notificationRepository = {
  /** One item per recipient; an event repeats none (unique per recipient). */
  async insertForUsers(
    tx: Sql,
    recipientIds: readonly string[],
    n: NewNotification,
  ): Promise<void> {
    await write(
      tx,
      recipientIds.map((id) => ({ audience: "user", recipientId: id, n })),
    );
  },

  /** One item every agent of the workspace sees (used while the directory knows no agents). */
  async insertForAgents(tx: Sql, n: NewNotification): Promise<void> {
    await write(tx, [{ audience: "agents", recipientId: null, n }]);
  },

  async list(
    sql: Sql,
    who: Reader,
    opts: { limit: number; unreadOnly: boolean },
  ): Promise<NotificationRow[]> {
    const { rows } = await sql.query<NotificationRow>(
      `${selectRow} where ${visible} ${opts.unreadOnly ? "and r.user_id is null" : ""}
        order by n.created_at desc, n.seq desc limit $4`,
      [who.workspaceId, who.userId, who.agent, opts.limit],
    );
    return rows;
  },

  async unreadCount(sql: Sql, who: Reader): Promise<number> {
    const { rows } = await sql.query<{ n: number }>(
      `select count(*)::int as n from notification.notifications n
        where ${visible} and not exists (
          select 1 from notification.notification_reads r
           where r.notification_id = n.id and r.user_id = $2)`,
      [who.workspaceId, who.userId, who.agent],
    );
    return rows[0]?.n ?? 0;
  },

  /** Marks the given items read for this person; ids they cannot see are ignored. */
  async markRead(sql: Sql, who: Reader, ids: readonly string[] | null): Promise<number> {
    const { rowCount } = await sql.query(
      `insert into notification.notification_reads (notification_id, user_id)
       select n.id, $2 from notification.notifications n
        where ${visible} ${ids ? "and n.id = any($4::uuid[])" : ""}
       on conflict do nothing`,
      ids
        ? [who.workspaceId, who.userId, who.agent, [...ids]]
        : [who.workspaceId, who.userId, who.agent],
    );
    return rowCount;
  },

  /**
   * This person's items after `cursor` in stream order, only from transactions no older one is
   * still running beside (see live/notification-cursor.ts).
   */
  async streamAfter(
    sql: Sql,
    who: Reader,
    cursor: { xid: string; seq: string },
    limit: number,
  ): Promise<NotificationRow[]> {
    const { rows } = await sql.query<NotificationRow>(
      `${selectRow} where ${visible}
          and (n.xid, n.seq) > ($4::xid8, $5::bigint)
          and n.xid < pg_snapshot_xmin(pg_current_snapshot())
        order by n.xid, n.seq limit $6`,
      [who.workspaceId, who.userId, who.agent, cursor.xid, cursor.seq, limit],
    );
    return rows;
  },

  /** The stream position behind everything committed so far (a new stream starts here). */
  async head(sql: Sql): Promise<{ xid: string; seq: string }> {
    const { rows } = await sql.query<{ xid: string; seq: string }>(
      `select xid::text as xid, seq::text as seq from notification.notifications
        where xid < pg_snapshot_xmin(pg_current_snapshot())
        order by xid desc, seq desc limit 1`,
    );
    return rows[0] ?? { xid: "0", seq: "0" };
  },

  /** Who has new items after `cursor` (any workspace): the replica's wake-up scan. */
  async changedSince(
    sql: Sql,
    cursor: { xid: string; seq: string },
    limit: number,
  ): Promise<{ workspace_id: string; recipient_id: string | null; xid: string; seq: string }[]> {
    const { rows } = await sql.query<{
      workspace_id: string;
      recipient_id: string | null;
      xid: string;
      seq: string;
    }>(
      `select workspace_id, recipient_id, xid::text as xid, seq::text as seq
         from notification.notifications
        where (xid, seq) > ($1::xid8, $2::bigint)
          and xid < pg_snapshot_xmin(pg_current_snapshot())
        order by xid, seq limit $3`,
      [cursor.xid, cursor.seq, limit],
    );
    return rows;
  },
};
