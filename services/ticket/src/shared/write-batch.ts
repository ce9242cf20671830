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
 */
export function combineGroups(groups: Statement[][]): Statement {
  const params: unknown[] = [];
  const ctes: string[] = [];
  const mains: string[] = [];
  for (const group of groups) {
    group.forEach((s, i) => {
      const offset = params.length;
      params.push(...s.params);
      const text = s.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
      const name = `w${ctes.length}`;
      if (i === 0) mains.push(`select * from ${name}`);
      ctes.push(`${name} as (${text})`);
    });
  }
  if (mains.length === 0) throw new Error("nothing to combine");
  return { text: `with ${ctes.join(",\n")}\n${mains.join("\nunion all ")}`, params };
}
