import type { Sql } from "@signpost/db";

export const inboundRepository = {
  /** Records a Message-ID once per workspace; false when it was seen before. */
  async record(
    tx: Sql,
    m: { workspaceId: string; messageId: string; outcome: string; ticketNumber: number | null },
  ): Promise<boolean> {
    const { rowCount } = await tx.query(
      `insert into notification.inbound_mails (workspace_id, message_id, outcome, ticket_number)
       values ($1, $2, $3, $4) on conflict do nothing`,
      [m.workspaceId, m.messageId, m.outcome, m.ticketNumber],
    );
    return rowCount > 0;
  },
};
