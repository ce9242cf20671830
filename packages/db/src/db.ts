/** The little of SQL every repository needs, identical on node-postgres and PGlite. */
export interface Sql {
  query<T = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
    opts?: QueryOptions,
  ): Promise<{ rows: T[]; rowCount: number }>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface QueryOptions {
  /**
   * Keep the statement parsed and planned on each connection that runs it, instead of parsing and
   * planning it at every call. For statements whose text never varies (the values are
   * parameters) that run many times a second: an event consumer's inbox row, a relay's claim.
   * Not for text built from input, and not where the plan should depend on the values (Postgres
   * may settle on one plan for all of them after a few runs). PGlite ignores it.
   */
  prepare?: boolean;
}

/** A database handle: run a statement, or several in one transaction. */
export interface Db extends Sql {
  readonly kind: "postgres" | "pglite";
  /** Runs `work` in one transaction; it commits when `work` resolves and rolls back when it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
