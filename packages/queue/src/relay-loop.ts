import type { Logger } from "./logger.ts";

/** A background loop that moves committed rows somewhere else (a queue, a timer). */
export interface RelayLoop {
  /** Run a pass now rather than at the next poll (call after committing new rows). */
  kick(): void;
  /** Runs a pass (or joins the one running); resolves with how many rows it moved. */
  flush(): Promise<number>;
  /** No more passes; waits for the running one. */
  stop(): Promise<void>;
}

/**
 * Runs `pass` every `pollMs` and whenever kicked, never two passes at once. Kicks coalesce: a kick
 * during a pass runs exactly one more pass after it, so rows committed mid-pass are not left for
 * the next poll, and a burst of kicks costs one pass rather than one each. A failed pass is logged
 * and left to the next poll or kick, which is why `pass` must be safe to repeat.
 *
 * @example
 * const loop = startRelayLoop({ name: "outbox relay", logger, pollMs: 500, pass: () => drainInBatches(relayBatch, 100) });
 * loop.kick(); // after a commit
 * await loop.stop();
 */
export function startRelayLoop(opts: {
  /** Names the loop in its log lines. */
  name: string;
  pass: () => Promise<number>;
  logger: Logger;
  pollMs: number;
  /**
   * A kick runs a pass no sooner than this long after the last one ended; the kicks in between
   * wait for one pass at the end of it (0 when unset). For a loop whose every pass pays a scan
   * and whose rows can wait that long: a burst of commits then costs a few passes, not dozens.
   * `flush` does not wait.
   */
  settleMs?: number;
  /** Extra fields for the failure log line. */
  logContext?: Record<string, unknown>;
}): RelayLoop {
  let stopped = false;
  let running: Promise<number> | undefined;
  let again = false;
  let lastEnded = 0;
  let settling: ReturnType<typeof setTimeout> | undefined;

  function flush(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    // This pass does what a settling kick was waiting to do.
    clearTimeout(settling);
    settling = undefined;
    running = opts
      .pass()
      .catch((error: unknown) => {
        opts.logger.warn(
          { err: error, ...opts.logContext },
          `${opts.name} pass failed; will retry`,
        );
        return 0;
      })
      .finally(() => {
        running = undefined;
        lastEnded = Date.now();
        if (again && !stopped) {
          again = false;
          kick();
        }
      });
    return running;
  }
  function kick() {
    if (stopped) return;
    const wait = (opts.settleMs ?? 0) - (Date.now() - lastEnded);
    if (running || wait <= 0) return void flush();
    settling ??= setTimeout(() => {
      settling = undefined;
      void flush();
    }, wait);
  }

  const timer = setInterval(kick, opts.pollMs);
  return {
    kick,
    flush,
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(settling);
      await running;
    },
  };
}

/**
 * Calls `batch` until it returns less than a full batch; resolves with the total. For a pass that
 * takes `batchSize` rows at a time (and moves on the ones it took, so the next call reads others),
 * so a backlog drains in one pass instead of one batch per poll.
 */
export async function drainInBatches(
  batch: () => Promise<number>,
  batchSize: number,
): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await batch();
    total += n;
    if (n < batchSize) return total;
  }
}
