import type { Db } from "@signpost/db";
import {
  defaultAttempts,
  defaultBackoffMs,
  PermanentJobError,
  retryDelayMs,
  type DeadLetter,
  type JobHandler,
  type QueueStats,
  type Transport,
} from "./transport.ts";
import { embeddedQueueSchema, type JobRow } from "./embedded-queue-schema.ts";

const leaseSeconds = 60;
const idlePollMs = 250;

/**
 * The in-process transport for the embedded mode: jobs live in a table of the same database, so a
 * crash loses nothing and delayed jobs survive restarts, with no Redis. Enqueues in this process wake
 * its consumers at once; polling covers delays and other processes.
 */
export async function createEmbeddedTransport(opts: { db: Db }): Promise<Transport> {
  const { db } = opts;
  await db.exec(embeddedQueueSchema);
  const wakers = new Map<string, Set<() => void>>();
  const loops: Promise<void>[] = [];
  let closing = false;

  const wake = (queue: string) => wakers.get(queue)?.forEach((w) => w());

  async function claim(queue: string, limit: number): Promise<JobRow[]> {
    const { rows } = await db.query<JobRow>(
      `update signpost_queue.jobs j
          set status = 'active', attempts = j.attempts + 1,
              locked_until = now() + make_interval(secs => ${leaseSeconds})
        where (j.queue, j.id) in (
          select queue, id from signpost_queue.jobs
           where queue = $1
             and ((status = 'waiting' and run_at <= now())
               or (status = 'active' and locked_until < now()))
           order by run_at limit $2
           for update skip locked)
        returning j.queue, j.id, j.name, j.data, j.attempts, j.max_attempts, j.backoff_ms`,
      [queue, limit],
    );
    return rows;
  }

  async function settle(row: JobRow, error: unknown) {
    if (error === undefined) {
      await db.query(
        `update signpost_queue.jobs set status = 'done', finished_at = now(), locked_until = null
          where queue = $1 and id = $2`,
        [row.queue, row.id],
      );
      return;
    }
    const message = error instanceof Error ? error.message : JSON.stringify(error);
    const dead = error instanceof PermanentJobError || row.attempts >= row.max_attempts;
    await db.query(
      `update signpost_queue.jobs
          set status = $3, last_error = $4, locked_until = null,
              run_at = now() + make_interval(secs => $5::double precision / 1000),
              finished_at = case when $3 = 'dead' then now() end
        where queue = $1 and id = $2`,
      [
        row.queue,
        row.id,
        dead ? "dead" : "waiting",
        message,
        retryDelayMs(row.backoff_ms, row.attempts),
      ],
    );
  }

  async function loop(queue: string, handler: JobHandler, concurrency: number) {
    const inFlight = new Set<Promise<void>>();
    let signal: (() => void) | undefined;
    const waker = () => signal?.();
    if (!wakers.has(queue)) wakers.set(queue, new Set());
    wakers.get(queue)?.add(waker);
    while (!closing) {
      const free = concurrency - inFlight.size;
      const rows = free > 0 ? await claim(queue, free).catch(() => []) : [];
      for (const row of rows) {
        const run = handler({ id: row.id, name: row.name, data: row.data, attempt: row.attempts })
          .then(
            () => settle(row, undefined),
            (error: unknown) => settle(row, error ?? new Error("job failed")),
          )
          .catch(() => undefined) // the lease expires and another pass retries it
          .finally(() => inFlight.delete(run));
        inFlight.add(run);
      }
      if (rows.length === 0 || inFlight.size >= concurrency) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, idlePollMs);
          signal = () => {
            clearTimeout(timer);
            resolve();
          };
          // A job finishing frees a slot: look again.
          for (const p of inFlight) void p.then(signal);
        });
        signal = undefined;
      }
    }
    await Promise.all(inFlight);
    wakers.get(queue)?.delete(waker);
  }

  return {
    kind: "embedded",
    async enqueue(queue, job, options = {}) {
      await db.query(
        `insert into signpost_queue.jobs (queue, id, name, data, run_at, max_attempts, backoff_ms)
         values ($1, $2, $3, $4, now() + make_interval(secs => $5::double precision / 1000), $6, $7)
         on conflict (queue, id) do nothing`,
        [
          queue,
          job.id,
          job.name,
          JSON.stringify(job.data),
          options.delayMs ?? 0,
          options.attempts ?? defaultAttempts,
          options.backoffMs ?? defaultBackoffMs,
        ],
      );
      if (!options.delayMs) wake(queue);
    },
    async enqueueMany(queue, jobs, options = {}) {
      if (jobs.length === 0) return;
      await db.query(
        `insert into signpost_queue.jobs (queue, id, name, data, run_at, max_attempts, backoff_ms)
         select $1, j.id, j.name, j.data::jsonb,
                now() + make_interval(secs => j.delay_ms / 1000), $6, $7
           from unnest($2::text[], $3::text[], $4::text[], $5::double precision[])
                  as j(id, name, data, delay_ms)
         on conflict (queue, id) do nothing`,
        [
          queue,
          jobs.map((j) => j.id),
          jobs.map((j) => j.name),
          jobs.map((j) => JSON.stringify(j.data)),
          jobs.map((j) => j.delayMs ?? options.delayMs ?? 0),
          options.attempts ?? defaultAttempts,
          options.backoffMs ?? defaultBackoffMs,
        ],
      );
      if (jobs.some((j) => !(j.delayMs ?? options.delayMs))) wake(queue);
    },
    async cancel(queue, jobId) {
      await db.query(
        `delete from signpost_queue.jobs where queue = $1 and id = $2 and status = 'waiting'`,
        [queue, jobId],
      );
    },
    consume(queue, handler, options = {}) {
      loops.push(loop(queue, handler, options.concurrency ?? 4));
    },
    async deadLetters(queue, limit = 100) {
      const { rows } = await db.query<JobRow & { last_error: string }>(
        `select id, name, data, attempts, last_error from signpost_queue.jobs
          where queue = $1 and status = 'dead' order by finished_at desc limit $2`,
        [queue, limit],
      );
      return rows.map((r): DeadLetter => ({
        id: r.id,
        name: r.name,
        data: r.data,
        attempts: r.attempts,
        error: r.last_error,
      }));
    },
    async pendingCount(queue) {
      const { rows } = await db.query<{ n: number }>(
        `select count(*)::int as n from signpost_queue.jobs
          where queue = $1 and status in ('waiting', 'active')`,
        [queue],
      );
      return rows[0]?.n ?? 0;
    },
    async stats(queue) {
      const { rows } = await db.query<QueueStats>(
        `select count(*) filter (where status = 'waiting' and run_at <= now())::int as waiting,
                count(*) filter (where status = 'active')::int as active,
                count(*) filter (where status = 'waiting' and run_at > now())::int as delayed,
                count(*) filter (where status = 'dead')::int as failed,
                coalesce(extract(epoch from now() - min(run_at)
                  filter (where status = 'waiting' and run_at <= now())) * 1000, 0)::float8
                  as "oldestWaitingMs"
           from signpost_queue.jobs where queue = $1`,
        [queue],
      );
      return rows[0] ?? { waiting: 0, active: 0, delayed: 0, failed: 0, oldestWaitingMs: 0 };
    },
    async close() {
      closing = true;
      wakers.forEach((set) => set.forEach((w) => w()));
      await Promise.all(loops);
    },
  };
}
