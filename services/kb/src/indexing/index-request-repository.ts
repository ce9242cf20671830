import type { Sql } from "@signpost/db";

/** The only code that reads and writes `kb.index_requests` (resolved tickets' documents). */
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
      subject: string | null;
      body: string | null;
      category: string | null;
      description: string | null;
      resolution: string | null;
    },
  ): Promise<void> {
    await tx.query(
      `insert into kb.index_requests
         (ticket_id, workspace_id, org_id, ticket_number, event_id, subject, body, category,
          description, resolution)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       on conflict (ticket_id) do update
         set event_id = excluded.event_id, requested_at = now(), indexed_at = null,
             subject = excluded.subject, body = excluded.body, category = excluded.category,
             description = excluded.description, resolution = excluded.resolution`,
      [
        r.ticketId,
        r.workspaceId,
        r.orgId,
        r.number,
        r.eventId,
        r.subject,
        r.body,
        r.category,
        r.description,
        r.resolution,
      ],
    );
  },

  async document(sql: Sql, ticketId: string) {
    const { rows } = await sql.query<{
      workspace_id: string;
      org_id: string | null;
      ticket_number: number;
      subject: string | null;
      body: string | null;
      category: string | null;
    }>(
      `select workspace_id, org_id, ticket_number, subject, body, category from kb.index_requests
        where ticket_id = $1`,
      [ticketId],
    );
    return rows[0] ?? null;
  },

  /** A resolved ticket's document in its parts, for turning it into a draft article. */
  async resolution(sql: Sql, workspaceId: string, ticketId: string) {
    const { rows } = await sql.query<{
      ticket_number: number;
      subject: string | null;
      body: string | null;
      category: string | null;
      description: string | null;
      resolution: string | null;
    }>(
      `select ticket_number, subject, body, category, description, resolution
         from kb.index_requests where workspace_id = $1 and ticket_id = $2`,
      [workspaceId, ticketId],
    );
    return rows[0] ?? null;
  },

  async markIndexed(sql: Sql, ticketId: string) {
    await sql.query(`update kb.index_requests set indexed_at = now() where ticket_id = $1`, [
      ticketId,
    ]);
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
