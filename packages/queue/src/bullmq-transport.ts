import { Queue, UnrecoverableError, Worker } from "bullmq";
import { Redis } from "ioredis";
import {
  defaultAttempts,
  defaultBackoffMs,
  PermanentJobError,
  type DeadLetter,
  type EnqueueOptions,
  type Job,
  type Transport,
} from "./transport.ts";

/**
 * Transport on Redis with BullMQ. Job ids de-duplicate enqueues; failed jobs are kept (never
 * removed) and are the dead-letter place.
 *
 * @example
 * const t = createBullmqTransport({ redisUrl: "redis://127.0.0.1:6379" });
 * t.consume("events.kb", async (job) => { ... });
 */
const jobOptions = (job: Job, options: EnqueueOptions) => ({
  jobId: job.id,
  delay: options.delayMs ?? 0,
  attempts: options.attempts ?? defaultAttempts,
  backoff: { type: "exponential", delay: options.backoffMs ?? defaultBackoffMs },
  // Completed jobs stay a day so a re-enqueue of the same id is a no-op in that window; the
  // consumers' inbox covers redeliveries after it.
  removeOnComplete: { age: 24 * 3600 },
  removeOnFail: false,
});

export function createBullmqTransport(opts: { redisUrl: string; prefix?: string }): Transport {
  const prefix = opts.prefix ?? "signpost";
  // Workers block on Redis; BullMQ requires unlimited retries per request on their connection, and
  // a restarted Redis is simply reconnected to.
  const connections: Redis[] = [];
  const connect = () => {
    const c = new Redis(opts.redisUrl, { maxRetriesPerRequest: null });
    // Errors while Redis is away are retried by ioredis; listening keeps them from crashing us.
    c.on("error", () => undefined);
    connections.push(c);
    return c;
  };
  const shared = connect();
  const queues = new Map<string, Queue>();
  const workers: Worker[] = [];

  const queueOf = (name: string) => {
    let q = queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: shared, prefix });
      // Connection errors while Redis restarts are retried; unheard, they would crash the process.
      q.on("error", () => undefined);
      queues.set(name, q);
    }
    return q;
  };

  return {
    kind: "bullmq",
    async enqueue(queue, job, options = {}) {
      await queueOf(queue).add(job.name, job.data, jobOptions(job, options));
    },
    async enqueueMany(queue, jobs, options = {}) {
      if (jobs.length === 0) return;
      // One pipelined round trip instead of one per job: the outbox relay's batches.
      await queueOf(queue).addBulk(
        jobs.map((job) => ({
          name: job.name,
          data: job.data,
          opts: jobOptions(job, { ...options, delayMs: job.delayMs ?? options.delayMs }),
        })),
      );
    },
    async cancel(queue, jobId) {
      const job = await queueOf(queue).getJob(jobId);
      if (job && ((await job.isDelayed()) || (await job.isWaiting()))) await job.remove();
    },
    consume(queue, handler, options = {}) {
      const worker = new Worker(
        queue,
        async (job) => {
          try {
            await handler({
              id: job.id ?? "",
              name: job.name,
              data: job.data as unknown,
              attempt: job.attemptsMade + 1,
            });
          } catch (error) {
            if (error instanceof PermanentJobError) throw new UnrecoverableError(error.message);
            throw error;
          }
        },
        { connection: connect(), prefix, concurrency: options.concurrency ?? 4 },
      );
      worker.on("error", () => undefined);
      workers.push(worker);
    },
    async deadLetters(queue, limit = 100) {
      const jobs = await queueOf(queue).getFailed(0, limit - 1);
      return jobs.map((j): DeadLetter => ({
        id: j.id ?? "",
        name: j.name,
        data: j.data as unknown,
        attempts: j.attemptsMade,
        error: j.failedReason,
      }));
    },
    async pendingCount(queue) {
      return queueOf(queue).getJobCountByTypes("waiting", "delayed", "prioritized", "active");
    },
    async stats(queue) {
      const q = queueOf(queue);
      const counts = await q.getJobCounts("waiting", "prioritized", "active", "delayed", "failed");
      // Oldest first: a retried or delayed job became runnable at its timestamp plus its delay.
      const [oldest] = await q.getJobs(["waiting", "prioritized"], 0, 0, true);
      const runnableSince = oldest ? oldest.timestamp + (oldest.delay ?? 0) : undefined;
      return {
        waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        failed: counts.failed ?? 0,
        oldestWaitingMs: runnableSince ? Math.max(0, Date.now() - runnableSince) : 0,
      };
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all([...queues.values()].map((q) => q.close()));
      connections.forEach((c) => c.disconnect());
    },
  };
}
