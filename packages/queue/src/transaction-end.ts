import type { Sql } from "@signpost/db";

interface LeftRows {
  rows: unknown[];
  write: (tx: Sql, rows: unknown[]) => Promise<unknown>;
}

const ends = new WeakMap<Sql, Map<string, LeftRows>>();

/**
 * Rows a handler may leave for the end of its transaction, so that the events sharing one (see
 * `groupCommit`) write their rows of a kind in one statement instead of one each.
 *
 * `leaveForTheEnd(tx, key, rows, write)` adds `rows` to those left under `key`; before `tx`
 * commits, `write` runs once with all of them, and this resolves with undefined. When `tx` is not
 * a consumer's transaction (a handler called some other way), `write` runs at once with `rows`
 * alone and this resolves with what it returned: no caller writes its rows a second way. Nothing
 * in the transaction may read those rows before its end.
 */
export async function leaveForTheEnd<T, R>(
  tx: Sql,
  key: string,
  rows: readonly T[],
  write: (tx: Sql, rows: T[]) => Promise<R>,
): Promise<R | undefined> {
  const pending = ends.get(tx);
  if (!pending) return write(tx, [...rows]);
  const left = pending.get(key);
  if (left) left.rows.push(...rows);
  else pending.set(key, { rows: [...rows], write: write as LeftRows["write"] });
  return undefined;
}

/** Marks `tx` as one whose end writes the rows left for it (`runTransactionEnd`). */
export function openTransactionEnd(tx: Sql): void {
  ends.set(tx, new Map());
}

/** Writes, in `tx`, the rows left for its end. */
export async function runTransactionEnd(tx: Sql): Promise<void> {
  const pending = ends.get(tx);
  ends.delete(tx);
  for (const { rows, write } of pending?.values() ?? []) await write(tx, rows);
}
