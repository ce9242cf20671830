import type { Sql } from "@signpost/db";

type Flush = (tx: Sql) => Promise<void>;

const ends = new WeakMap<Sql, Map<string, Flush>>();

/**
 * Writes a handler may leave for the end of its transaction, so that the events sharing one
 * (see `groupCommit`) write their rows of a kind in one statement instead of one each.
 *
 * `atTransactionEnd(tx, key, flush)` registers `flush` to run once, before `tx` commits, for all
 * the work registered under `key`; it returns false when `tx` is not a consumer's transaction (a
 * handler called some other way), and then the caller writes at once. Nothing in the transaction
 * may read those rows before its end.
 */
export function atTransactionEnd(tx: Sql, key: string, flush: Flush): boolean {
  const pending = ends.get(tx);
  if (!pending) return false;
  if (!pending.has(key)) pending.set(key, flush);
  return true;
}

/** Marks `tx` as one whose end runs the writes left for it (`runTransactionEnd`). */
export function openTransactionEnd(tx: Sql): void {
  ends.set(tx, new Map());
}

/** Runs, in `tx`, the writes left for its end. */
export async function runTransactionEnd(tx: Sql): Promise<void> {
  const pending = ends.get(tx);
  ends.delete(tx);
  for (const flush of pending?.values() ?? []) await flush(tx);
}
