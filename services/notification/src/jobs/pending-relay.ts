import type { Db } from "@signpost/db";
import type { Logger, Transport } from "@signpost/queue";

/**
 * Moves rows a handler committed (mails, webhook deliveries, digests) onto their queue — the same
 * outbox idea as events: the row commits with the change, then is enqueued. Enqueueing twice is
 * harmless: the job id repeats (same job) and the job itself claims its row before acting.
 */
export interface PendingSource {
  /** Rows waiting to be enqueued, with their job id and options. */
  pending(db: Db, limit: number): Promise<{ id: string; jobId: string; delayMs?: number }[]>;
  markEnqueued(db: Db, ids: string[]): Promise<void>;
  queue: string;
  attempts: number;
  backoffMs: number;
}

export interface PendingRelay {
  kick(): void;
  flush(): Promise<void>;
  stop(): Promise<void>;
}

export function startPendingRelay(opts: {
  db: Db;
  transport: Transport;
  sources: PendingSource[];
  logger: Logger;
  pollMs: number;
}): PendingRelay {
  const { db, transport, sources, logger } = opts;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  async function pass() {
    for (const s of sources) {
      for (;;) {
        const rows = await s.pending(db, 100);
        for (const r of rows) {
          await transport.enqueue(
            s.queue,
            { id: r.jobId, name: s.queue, data: { id: r.id } },
            { attempts: s.attempts, backoffMs: s.backoffMs, delayMs: r.delayMs },
          );
        }
        if (rows.length)
          await s.markEnqueued(
            db,
            rows.map((r) => r.id),
          );
        if (rows.length < 100) break;
      }
    }
  }

  function flush(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = pass()
      .catch((error: unknown) => logger.warn({ err: error }, "pending relay pass failed"))
      .finally(() => {
        running = undefined;
        if (again && !stopped) {
          again = false;
          void flush();
        }
      });
    return running;
  }

  const timer = setInterval(() => void flush(), opts.pollMs);
  return {
    kick: () => void flush(),
    flush,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
