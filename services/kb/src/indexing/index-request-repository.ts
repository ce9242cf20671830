import type { Sql } from "@signpost/db";

/** The only code that reads and writes `kb.index_requests`. */
export const indexRequestRepository = {
  /** A ticket resolved again (after a re-open) is queued again, not twice. */
  async upsert(
    tx: Sql,
    r: {
      ticketId: string;
      workspaceId: string;
      orgId: string | null;
      number: number;
      eventId: string;
    },
  ): Promise<void> {
    await tx.query(
      `insert into kb.index_requests (ticket_id, workspace_id, org_id, ticket_number, event_id)
       values ($1, $2, $3, $4, $5)
       on conflict (ticket_id) do update
         set event_id = excluded.event_id, requested_at = now(), indexed_at = null`,
      [r.ticketId, r.workspaceId, r.orgId, r.number, r.eventId],
    );
  },

  async pending(sql: Sql, workspaceId: string) {
    const { rows } = await sql.query<{
      ticket_id: string;
      ticket_number: number;
      requested_at: Date;
    }>(
      `select ticket_id, ticket_number, requested_at from kb.index_requests
        where workspace_id = $1 and indexed_at is null order by requested_at limit 200`,
      [workspaceId],
    );
    return rows.map((r) => ({
      ticketId: r.ticket_id,
      number: r.ticket_number,
      requestedAt: new Date(r.requested_at).toISOString(),
    }));
  },
};
