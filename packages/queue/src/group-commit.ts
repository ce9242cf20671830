import type { Db, Sql } from "@signpost/db";

/**
 * Runs units of work in shared transactions: what arrives while `parallel` transactions are busy
 * waits, then up to `maxBatch` of it runs in the next one. A commit's round trips and its flush to
 * disk are paid once per batch instead of once per unit, which is most of a consumer's time when
 * each event is a handful of small queries.
 *
 * A batch is all or nothing: when any unit throws (or the commit fails) nothing of it is kept, and
 * each unit then runs again in a transaction of its own, so the one that fails fails alone and
 * the others commit. Units must therefore be safe to run twice, as event handlers already are
 * (their inbox row and effects commit together or not at all).
 *
 * `begin` and `end` run once per transaction around the units' work, for what they can do with one
 * statement for all of them (claim their inbox rows, write the rows they left for the end).
 *
 * @example
 * const commit = groupCommit({ db, maxBatch: 16, parallel: 2, work: (tx, e) => handle(tx, e) });
 * await commit(event); // resolves once the transaction holding it has committed
 */
export function groupCommit<T, R, B = undefined>(opts: {
  db: Db;
  /** First in each transaction, for all its units; what it returns reaches each unit's work. */
  begin?: (tx: Sql, items: T[]) => Promise<B>;
  work: (tx: Sql, item: T, begun: B) => Promise<R>;
  /** Last in each transaction, after every unit's work, before the commit. */
  end?: (tx: Sql) => Promise<void>;
  maxBatch: number;
  parallel: number;
}): (item: T) => Promise<R> {
  interface Waiting {
    item: T;
    resolve: (r: R) => void;
    reject: (e: unknown) => void;
  }
  const waiting: Waiting[] = [];
  let running = 0;

  const inOne = (items: T[]) =>
    opts.db.transaction(async (tx) => {
      const begun = (opts.begin ? await opts.begin(tx, items) : undefined) as B;
      const out: R[] = [];
      for (const item of items) out.push(await opts.work(tx, item, begun));
      await opts.end?.(tx);
      return out;
    });
  const alone = (w: Waiting) => inOne([w.item]).then((out) => w.resolve(out[0]!), w.reject);

  async function runBatch(batch: Waiting[]) {
    if (batch.length === 1) return alone(batch[0]!);
    let results: R[];
    try {
      results = await inOne(batch.map((w) => w.item));
    } catch {
      await Promise.all(batch.map(alone));
      return;
    }
    batch.forEach((w, i) => w.resolve(results[i]!));
  }

  function pump() {
    while (running < opts.parallel && waiting.length > 0) {
      const batch = waiting.splice(0, opts.maxBatch);
      running++;
      void runBatch(batch).finally(() => {
        running--;
        pump();
      });
    }
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      // Let the other deliveries of this tick join before a transaction starts.
      queueMicrotask(pump);
    });
}
