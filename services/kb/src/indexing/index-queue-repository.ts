import type { Sql } from "@signpost/db";

export interface QueuedSource {
  source_kind: "article" | "ticket";
  source_id: string;
  workspace_id: string;
  /**
   * As Postgres wrote it, to the microsecond: a JavaScript Date keeps milliseconds only, and
   * `finish` compared with one would never match the row, which then stayed queued for ever.
   */
  requested_at: string;
}

const leaseSeconds = 120;

/** The only code that reads and writes `kb.index_queue`. */
export const indexQueueRepository = {
  /** Asks for a source to be (re)indexed; a later request supersedes an earlier one. */
  async request(sql: Sql, kind: "article" | "ticket", id: string, workspaceId: string) {
    await sql.query(
      `insert into kb.index_queue (source_kind, source_id, workspace_id) values ($1, $2, $3)
       on conflict (source_kind, source_id) do update set requested_at = now(), claimed_until = null`,
      [kind, id, workspaceId],
    );
  },

  /** Leases up to `limit` requests; several indexers never take the same one. */
  async claim(sql: Sql, limit: number): Promise<QueuedSource[]> {
    const { rows } = await sql.query<QueuedSource>(
      `update kb.index_queue set claimed_until = now() + make_interval(secs => ${leaseSeconds})
        where (source_kind, source_id) in (
          select source_kind, source_id from kb.index_queue
           where claimed_until is null or claimed_until < now()
           order by requested_at limit $1 for update skip locked)
        returning source_kind, source_id, workspace_id, requested_at::text as requested_at`,
      [limit],
    );
    return rows;
  },

  /** Done, unless the source was requested again while it was being indexed. */
  async finish(sql: Sql, q: QueuedSource) {
    await sql.query(
      `delete from kb.index_queue where source_kind = $1 and source_id = $2 and requested_at <= $3::timestamptz`,
      [q.source_kind, q.source_id, q.requested_at],
    );
  },

  async pendingCount(sql: Sql): Promise<number> {
    const { rows } = await sql.query<{ n: number }>(
      `select count(*)::int as n from kb.index_queue`,
    );
    return rows[0]?.n ?? 0;
  },
};
