import type { Sql } from "@signpost/db";

export interface Statement {
  text: string;
  params: unknown[];
}

/**
 * Writes that need no answer, collected and then sent as one statement (data-modifying CTEs), so a
 * use-case making several rows pays one round trip instead of one per row. All of them see the
 * same snapshot and foreign keys are checked at the end of the statement, so the rows may refer to
 * each other (an SLA row to the ticket written beside it) but must not read what another writes.
 * Placeholders are renumbered by text, so a statement must not hold `$<digits>` inside a literal.
 *
 * @example
 * const writes = new WriteBatch();
 * writes.add({ text: "insert into ticket.audit_log (...) values ($1, $2)", params: [a, b] });
 * const rows = await writes.flush(tx, { text: "insert into ticket.tickets ... returning *", params });
 */
export class WriteBatch {
  private readonly statements: Statement[] = [];

  add(statement: Statement): void {
    this.statements.push(statement);
  }

  /**
   * Runs every collected write, with `main` (whose rows are returned) first, and empties the batch.
   */
  async flush<T>(tx: Sql, main: Statement): Promise<T[]> {
    const { text, params } = combine(this.take(main));
    const { rows } = await tx.query<T>(text, params);
    return rows;
  }

  /** `main` and every collected write, in the order `flush` runs them; empties the batch. */
  take(main: Statement): Statement[] {
    return [main, ...this.statements.splice(0)];
  }
}

/** One statement out of several: each becomes a CTE, its `$n` shifted past the ones before. */
export function combine(statements: Statement[]): Statement {
  const [main, ...rest] = statements;
  if (!main) throw new Error("nothing to combine");
  if (rest.length === 0) return main;
  return combineGroups([statements]);
}

/**
 * Several groups of writes (each as `WriteBatch.take` gives them) as one statement, returning the
 * rows of every group's first statement (all of the same shape). One statement is atomic: if any
 * write fails, none is kept.
 *
 * The groups' single-row inserts of the same text become one multi-row insert (`values (..),
 * (..)`): a group commit of fifty tickets is then four inserts, not two hundred CTEs, which
 * Postgres parses and plans in a fraction of the time. Only inserts whose text outside the row
 * holds no parameter are merged; anything else stays a CTE of its own.
 */
export function combineGroups(groups: Statement[][]): Statement {
  interface Cte {
    /** `insert into t (cols) values` and what follows the row (`returning ...`), when merged. */
    insert?: { head: string; tail: string; rows: string[] };
    text?: string;
    main: boolean;
  }
  const params: unknown[] = [];
  const ctes: Cte[] = [];
  const merged = new Map<string, Cte>();
  for (const group of groups) {
    group.forEach((s, i) => {
      const offset = params.length;
      params.push(...s.params);
      const main = i === 0;
      const split = groups.length > 1 ? splitInsert(s.text) : null;
      if (!split) return void ctes.push({ text: shift(s.text, offset), main });
      // A group's first statement only joins other groups' first statements: its rows are returned.
      const key = `${main ? "main" : "rest"}:${s.text}`;
      const row = shift(split.row, offset);
      const same = merged.get(key);
      if (same?.insert) return void same.insert.rows.push(row);
      const cte: Cte = { insert: { head: split.head, tail: split.tail, rows: [row] }, main };
      merged.set(key, cte);
      ctes.push(cte);
    });
  }
  if (ctes.length === 0) throw new Error("nothing to combine");
  const text = (c: Cte) =>
    c.insert ? `${c.insert.head} ${c.insert.rows.join(",\n")}${c.insert.tail}` : (c.text ?? "");
  const names = ctes.map((_, i) => `w${i}`);
  const selects = names.filter((_, i) => ctes[i]?.main).map((n) => `select * from ${n}`);
  return {
    text: `with ${ctes.map((c, i) => `${names[i]} as (${text(c)})`).join(",\n")}\n${selects.join("\nunion all ")}`,
    params,
  };
}

/** `$n` renumbered past the `offset` parameters before it. */
const shift = (text: string, offset: number) =>
  text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);

/**
 * A single-row `insert into t (cols) values (row) tail` split around its row, or null for any
 * other shape, or when a parameter appears outside the row (it could not be shared by many rows).
 */
export function splitInsert(text: string): { head: string; row: string; tail: string } | null {
  const start = /^\s*insert\s+into\s+[^()]+\([^()]*\)\s*values\s*\(/i.exec(text);
  if (!start) return null;
  let depth = 1;
  let i = start[0].length;
  for (; i < text.length && depth > 0; i++) {
    const ch = text[i];
    if (ch === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) return null;
      i = close;
    } else if (ch === "(") depth++;
    else if (ch === ")") depth--;
  }
  if (depth !== 0) return null;
  const head = text.slice(0, start[0].length - 1).trimEnd();
  const tail = text.slice(i);
  // A second row, or a parameter in the conflict clause or returning list: leave it alone.
  if (/\$\d/.test(head) || /\$\d/.test(tail) || /^\s*,/.test(tail)) return null;
  return { head, row: text.slice(start[0].length - 1, i), tail };
}
