import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite/vector";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { Db, Sql } from "./db.ts";

/**
 * An embedded Postgres (WASM) with pgvector, kept in `dataDir` (in memory when omitted).
 *
 * PGlite is one connection: a transaction holds it, so a query issued outside the transaction while
 * it runs waits for it. Code must never wait on such a query from inside a transaction.
 */
export async function createPgliteDb(opts: { dataDir?: string } = {}): Promise<Db> {
  const lite = await PGlite.create({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    extensions: { vector, pg_trgm },
  });
  const wrap = (target: Pick<PGlite, "query" | "exec">): Sql => ({
    // `prepare` is ignored: PGlite is one connection in this process, its statements unnamed.
    query: async (text, params) => {
      const r = await target.query(text, params as unknown[]);
      return { rows: r.rows as never[], rowCount: r.affectedRows ?? r.rows.length };
    },
    exec: async (text) => {
      await target.exec(text);
    },
  });
  let closed = false;
  return {
    kind: "pglite",
    ...wrap(lite),
    transaction: (work) => lite.transaction((tx) => work(wrap(tx))),
    ping: async () => !closed && !lite.closed,
    async close() {
      if (closed) return;
      closed = true;
      await lite.close();
    },
  };
}
