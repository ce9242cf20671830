import type { Db } from "@signpost/db";
import type { Transport } from "@signpost/queue";
import type { Metrics } from "./metrics.ts";

/** What a service may add to its metrics: gauges of its own backlogs. */
export interface ServiceMetrics {
  /** A gauge read at every scrape, labelled with this service (and `labels`). */
  gauge(
    name: string,
    help: string,
    read: () => Promise<number>,
    labels?: Record<string, string>,
  ): void;
  /**
   * Rows waiting in one of the service's tables and the age of the oldest, as
   * `signpost_backlog_items{backlog}` and `signpost_backlog_oldest_age_seconds{backlog}`
   * (an indexing queue, pending timers).
   *
   * @example
   * m.backlog("indexing", "kb.index_queue", "requested_at");
   */
  backlog(name: string, table: string, since: string, where?: string): void;
  /** One computation shared by the gauges read in one scrape (see `Metrics.perScrape`). */
  perScrape<T>(compute: () => Promise<T>): () => Promise<T>;
}

const identifier = /^[a-z_][a-z0-9_.]*$/;

export function serviceMetrics(metrics: Metrics, service: string, db: Db): ServiceMetrics {
  const gauge: ServiceMetrics["gauge"] = (name, help, read, labels = {}) =>
    metrics.gauge(name, help, { service, ...labels }, read);
  return {
    gauge,
    perScrape: (compute) => metrics.perScrape(compute),
    backlog(name, table, since, where = "true") {
      // Table and column come from code, never from input; the check keeps it that way.
      if (!identifier.test(table) || !identifier.test(since)) {
        throw new Error(`backlog ${name}: ${table}.${since} is not a plain identifier`);
      }
      const read = metrics.perScrape(async () => {
        const { rows } = await db.query<{ n: number; age: number }>(
          `select count(*)::int as n,
                  coalesce(extract(epoch from now() - min(${since})), 0)::float8 as age
             from ${table} where ${where}`,
        );
        return rows[0] ?? { n: 0, age: 0 };
      });
      gauge(
        "signpost_backlog_items",
        "Rows waiting in a service's backlog",
        async () => (await read()).n,
        {
          backlog: name,
        },
      );
      gauge(
        "signpost_backlog_oldest_age_seconds",
        "Age of the oldest row waiting in a service's backlog",
        async () => (await read()).age,
        { backlog: name },
      );
    },
  };
}

/** Outbox lag: events committed but not yet published, and how long the oldest has waited. */
export function watchOutbox(m: ServiceMetrics, db: Db, schema: string) {
  const read = m.perScrape(async () => {
    const { rows } = await db.query<{ n: number; age: number }>(
      `select count(*)::int as n,
              coalesce(extract(epoch from now() - min(created_at)), 0)::float8 as age
         from ${schema}.outbox where published_at is null`,
    );
    return rows[0] ?? { n: 0, age: 0 };
  });
  m.gauge(
    "signpost_outbox_unpublished",
    "Events committed but not yet published",
    async () => (await read()).n,
  );
  m.gauge(
    "signpost_outbox_oldest_unpublished_age_seconds",
    "How long the oldest unpublished event has waited",
    async () => (await read()).age,
  );
}

/** Queue depth by state and the age of the oldest runnable job. */
export function watchQueue(m: ServiceMetrics, transport: Transport, queue: string) {
  const read = m.perScrape(() => transport.stats(queue));
  for (const state of ["waiting", "active", "delayed", "failed"] as const) {
    m.gauge("signpost_queue_jobs", "Jobs in a queue by state", async () => (await read())[state], {
      queue,
      state,
    });
  }
  m.gauge(
    "signpost_queue_oldest_waiting_seconds",
    "How long the oldest runnable job of a queue has waited",
    async () => (await read()).oldestWaitingMs / 1000,
    { queue },
  );
}
