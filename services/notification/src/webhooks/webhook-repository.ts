import type { Sql } from "@signpost/db";

export interface EndpointRow {
  id: string;
  workspace_id: string;
  url: string;
  event_types: string[];
  secret: string;
  active: boolean;
  created_at: Date | string;
}

export interface DeliveryRow {
  id: string;
  workspace_id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  body: string;
  status: "queued" | "delivered" | "dead";
  attempts: number;
  created_at: Date | string;
}

const leaseSeconds = 60;

/** The only code that reads and writes the webhook tables. */
export const webhookRepository = {
  async create(sql: Sql, e: Omit<EndpointRow, "active" | "created_at">): Promise<EndpointRow> {
    const { rows } = await sql.query<EndpointRow>(
      `insert into notification.webhook_endpoints (id, workspace_id, url, event_types, secret)
       values ($1, $2, $3, $4, $5) returning *`,
      [e.id, e.workspace_id, e.url, e.event_types, e.secret],
    );
    return rows[0] as EndpointRow;
  },

  async list(sql: Sql, workspaceId: string): Promise<EndpointRow[]> {
    const { rows } = await sql.query<EndpointRow>(
      `select * from notification.webhook_endpoints where workspace_id = $1 order by created_at`,
      [workspaceId],
    );
    return rows;
  },

  async get(sql: Sql, workspaceId: string, id: string): Promise<EndpointRow | null> {
    const { rows } = await sql.query<EndpointRow>(
      `select * from notification.webhook_endpoints where workspace_id = $1 and id = $2`,
      [workspaceId, id],
    );
    return rows[0] ?? null;
  },

  async remove(sql: Sql, workspaceId: string, id: string): Promise<boolean> {
    const { rowCount } = await sql.query(
      `delete from notification.webhook_endpoints where workspace_id = $1 and id = $2`,
      [workspaceId, id],
    );
    return rowCount > 0;
  },

  /** Queues the event for each active endpoint of its workspace that subscribed to its type. */
  async hasSubscribers(sql: Sql, workspaceId: string, type: string): Promise<boolean> {
    const { rows } = await sql.query(
      `select 1 from notification.webhook_endpoints
        where workspace_id = $1 and active and $2 = any(event_types) limit 1`,
      [workspaceId, type],
    );
    return rows.length > 0;
  },

  async queueDeliveries(
    tx: Sql,
    e: { workspaceId: string; eventId: string; type: string; body: string },
  ): Promise<number> {
    const { rowCount } = await tx.query(
      `insert into notification.webhook_deliveries
         (id, workspace_id, endpoint_id, event_id, event_type, body, status)
       select gen_random_uuid(), $1, id, $2, $3, $4, 'queued'
         from notification.webhook_endpoints
        where workspace_id = $1 and active and $3 = any(event_types)
       on conflict do nothing`,
      [e.workspaceId, e.eventId, e.type, e.body],
    );
    return rowCount;
  },

  async pendingToEnqueue(sql: Sql, limit: number): Promise<{ id: string; jobId: string }[]> {
    const { rows } = await sql.query<{ id: string; job_id: string }>(
      `select id, id::text || '.' || revision as job_id from notification.webhook_deliveries
        where status = 'queued' and enqueued_at is null order by created_at limit $1`,
      [limit],
      { prepare: true },
    );
    return rows.map((r) => ({ id: r.id, jobId: r.job_id }));
  },

  async markEnqueued(sql: Sql, ids: string[]): Promise<void> {
    await sql.query(
      `update notification.webhook_deliveries set enqueued_at = now() where id = any($1::uuid[])`,
      [ids],
    );
  },

  /** Takes a queued delivery (one at a time across replicas) with its endpoint. */
  async claim(
    sql: Sql,
    id: string,
  ): Promise<(DeliveryRow & { url: string; secret: string }) | null> {
    const { rows } = await sql.query<DeliveryRow & { url: string; secret: string }>(
      `update notification.webhook_deliveries d
          set attempts = d.attempts + 1,
              claimed_until = now() + make_interval(secs => ${leaseSeconds})
         from notification.webhook_endpoints e
        where d.id = $1 and e.id = d.endpoint_id and d.status = 'queued'
          and (d.claimed_until is null or d.claimed_until < now())
        returning d.*, e.url, e.secret`,
      [id],
    );
    return rows[0] ?? null;
  },

  async recordAttempt(
    sql: Sql,
    a: {
      deliveryId: string;
      attempt: number;
      statusCode: number | null;
      latencyMs: number;
      error: string | null;
      outcome: "delivered" | "queued" | "dead";
    },
  ): Promise<void> {
    await sql.query(
      `insert into notification.webhook_attempts
         (delivery_id, attempt, status_code, latency_ms, error)
       values ($1, $2, $3, $4, $5) on conflict do nothing`,
      [a.deliveryId, a.attempt, a.statusCode, a.latencyMs, a.error?.slice(0, 500) ?? null],
    );
    await sql.query(
      `update notification.webhook_deliveries
          set status = $2, last_status_code = $3, claimed_until = null,
              delivered_at = case when $2 = 'delivered' then now() end
        where id = $1`,
      [a.deliveryId, a.outcome, a.statusCode],
    );
  },

  async deliveries(
    sql: Sql,
    workspaceId: string,
    endpointId: string,
    limit: number,
  ): Promise<
    (DeliveryRow & {
      log: {
        attempt: number;
        status_code: number | null;
        latency_ms: number;
        error: string | null;
        at: string;
      }[];
    })[]
  > {
    const { rows } = await sql.query<
      DeliveryRow & {
        log: {
          attempt: number;
          status_code: number | null;
          latency_ms: number;
          error: string | null;
          at: string;
        }[];
      }
    >(
      `select d.*, coalesce((
          select json_agg(json_build_object('attempt', a.attempt, 'status_code', a.status_code,
                   'latency_ms', a.latency_ms, 'error', a.error, 'at', a.at) order by a.attempt)
            from notification.webhook_attempts a where a.delivery_id = d.id), '[]'::json) as log
         from notification.webhook_deliveries d
        where d.workspace_id = $1 and d.endpoint_id = $2
        order by d.created_at desc limit $3`,
      [workspaceId, endpointId, limit],
    );
    return rows;
  },
};
