/** One unit of work on a queue. `id` makes enqueueing idempotent: the same id twice is one job. */
export interface Job {
  id: string;
  name: string;
  data: unknown;
}

export interface EnqueueOptions {
  /** Run no sooner than this many milliseconds from now (timers: SLA, auto-close). */
  delayMs?: number;
  /** Total tries before the job is dead-lettered. */
  attempts?: number;
  /** First retry delay; each later retry doubles it. */
  backoffMs?: number;
}

export interface RunningJob extends Job {
  /** 1 on the first try. */
  attempt: number;
}

export type JobHandler = (job: RunningJob) => Promise<void>;

export interface DeadLetter extends Job {
  attempts: number;
  error: string;
}

/** A queue's backlog at one moment, for metrics. */
export interface QueueStats {
  /** Runnable now, not yet taken. */
  waiting: number;
  /** Being handled. */
  active: number;
  /** Scheduled for later (timers, retries after backoff). */
  delayed: number;
  /** Dead-lettered. */
  failed: number;
  /** How long the oldest runnable job has waited, in milliseconds; 0 when none waits. */
  oldestWaitingMs: number;
}

/**
 * Throw from a handler when retrying cannot help (a malformed or unknown message): the job goes
 * straight to the dead-letter place instead of burning its retries.
 */
export class PermanentJobError extends Error {
  override name = "PermanentJobError";
}

/** A durable queue. Two implementations: BullMQ on Redis, and an embedded one on the database. */
export interface Transport {
  readonly kind: "bullmq" | "embedded";
  enqueue(queue: string, job: Job, options?: EnqueueOptions): Promise<void>;
  /**
   * Enqueues several jobs in one round trip (a relay's batch); each id de-duplicates as above. A
   * job's own `delayMs` (timers, each due at its own time) overrides the one in `options`.
   */
  enqueueMany(
    queue: string,
    jobs: readonly (Job & { delayMs?: number | undefined })[],
    options?: EnqueueOptions,
  ): Promise<void>;
  /** Removes a job that has not started yet (a timer that no longer applies). */
  cancel(queue: string, jobId: string): Promise<void>;
  /** Starts handling `queue`'s jobs in this process. */
  consume(queue: string, handler: JobHandler, options?: { concurrency?: number }): void;
  /** Jobs that exhausted their retries or failed permanently, newest first. */
  deadLetters(queue: string, limit?: number): Promise<DeadLetter[]>;
  /** Jobs waiting or delayed (not yet handled). */
  pendingCount(queue: string): Promise<number>;
  /** Depth by state and the age of the oldest runnable job (metrics). */
  stats(queue: string): Promise<QueueStats>;
  /** Stops taking jobs, lets running ones finish, and releases connections. */
  close(): Promise<void>;
}

export const defaultAttempts = 8;
export const defaultBackoffMs = 500;

/** How long before try `attempt + 1` when try `attempt` failed: `backoffMs`, doubling each time. */
export const retryDelayMs = (backoffMs: number, attempt: number) => backoffMs * 2 ** (attempt - 1);
