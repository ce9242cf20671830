import type { Sql } from "@signpost/db";

export interface NotificationRow {
  id: string;
  kind: string;
  ticket_id: string | null;
  title: string;
  created_at: Date;
  read: boolean;
}

/** The only code that reads and writes the notification tables. */
export const notificationRepository = {
  async insertForAgents(
    tx: Sql,
    n: {
      workspaceId: string;
      kind: string;
      ticketId: string | null;
      title: string;
      eventId: string;
    },
  ): Promise<void> {
    await tx.query(
      `insert into notification.notifications (workspace_id, audience, kind, ticket_id, title, event_id)
       values ($1, 'agents', $2, $3, $4, $5)`,
      [n.workspaceId, n.kind, n.ticketId, n.title, n.eventId],
    );
  },

  /** What `userId` may see: their own, plus the agents' feed when `staff`. */
  async listVisible(
    sql: Sql,
    q: { workspaceId: string; userId: string; staff: boolean; limit: number },
  ): Promise<NotificationRow[]> {
    const { rows } = await sql.query<NotificationRow>(
      `select n.id, n.kind, n.ticket_id, n.title, n.created_at, (r.user_id is not null) as read
         from notification.notifications n
         left join notification.notification_reads r on r.notification_id = n.id and r.user_id = $2
        where n.workspace_id = $1
          and ((n.audience = 'user' and n.recipient_id = $2) or (n.audience = 'agents' and $3))
        order by n.created_at desc limit $4`,
      [q.workspaceId, q.userId, q.staff, q.limit],
    );
    return rows;
  },
};
