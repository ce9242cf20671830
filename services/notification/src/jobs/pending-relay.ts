import type { Db } from "@signpost/db";
import {
  drainInBatches,
  startRelayLoop,
  type Job,
  type Logger,
  type RelayLoop,
  type Transport,
} from "@signpost/queue";

/**
 * Moves rows a handler committed (mails, webhook deliveries, digests) onto their queue — the same
 * outbox idea as events: the row commits with the change, then is enqueued. Enqueueing twice is
 * harmless: the job id repeats (same job) and the job itself claims its row before acting.
 */
export interface PendingSource {
  /** Rows waiting to be enqueued, with their job id and options. */
  pending(db: Db, limit: number): Promise<{ id: string; jobId: string; delayMs?: number }[]>;
  markEnqueued(db: Db, ids: string[]): Promise<void>;
  /** How the rows travel: one job each, with the row's id as data, unless this says otherwise. */
  jobsOf?(rows: { id: string; jobId: string }[]): Job[];
  queue: string;
  attempts: number;
  backoffMs: number;
}

/** Kick it after a handler committed rows; `flush` resolves with how many rows it enqueued. */
export type PendingRelay = RelayLoop;

const batchSize = 100;

export function startPendingRelay(opts: {
  db: Db;
  transport: Transport;
  sources: PendingSource[];
  logger: Logger;
  pollMs: number;
}): PendingRelay {
  const { db, transport, sources } = opts;

  async function batchOf(s: PendingSource): Promise<number> {
    const rows = await s.pending(db, batchSize);
    // One pipelined enqueue for the batch, not a round trip and a script call's setup per row,
    // which cost more than sending a mail under load.
    await transport.enqueueMany(
      s.queue,
      s.jobsOf
        ? s.jobsOf(rows)
        : rows.map((r) => ({ id: r.jobId, name: s.queue, data: { id: r.id }, delayMs: r.delayMs })),
      { attempts: s.attempts, backoffMs: s.backoffMs },
    );
    if (rows.length)
      await s.markEnqueued(
        db,
        rows.map((r) => r.id),
      );
    return rows.length;
  }

  async function pass(): Promise<number> {
    let total = 0;
    for (const s of sources) total += await drainInBatches(() => batchOf(s), batchSize);
    return total;
  }

  return startRelayLoop({ name: "pending relay", logger: opts.logger, pollMs: opts.pollMs, pass });
}
