import { createHash } from "node:crypto";
import pg from "pg";
import type { Db, QueryOptions, Sql } from "./db.ts";

// Postgres returns bigint (int8) as text to avoid precision loss; our counters and sequences fit
// in a double, and a number is what every caller wants.
pg.types.setTypeParser(20, (v) => Number(v));

// A prepared statement's name stands for its text on every connection, so it is derived from it.
const preparedNames = new Map<string, string>();
const nameOf = (text: string) => {
  let name = preparedNames.get(text);
  if (!name) {
    name = `sp_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
    preparedNames.set(text, name);
  }
  return name;
};

const statement = (
  text: string,
  params: readonly unknown[] | undefined,
  opts: QueryOptions | undefined,
): pg.QueryConfig => ({
  text,
  values: params as unknown[] | undefined,
  ...(opts?.prepare ? { name: nameOf(text) } : {}),
});

/**
 * A pooled node-postgres database.
 *
 * @example
 * const db = createPgDb({ url: "postgres://localhost/signpost" });
 * await db.query("select 1");
 */
export function createPgDb(opts: { url: string; max?: number; applicationName?: string }): Db {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.max ?? 10,
    application_name: opts.applicationName ?? "signpost",
  });
  // A connection dropped by the server (restart, pg_terminate_backend) must not crash the process:
  // the pool discards it and the next query opens a new one.
  pool.on("error", () => undefined);

  const query: Sql["query"] = async (text, params, opts) => {
    const r = await pool.query(statement(text, params, opts));
    return { rows: r.rows as never[], rowCount: r.rowCount ?? 0 };
  };

  return {
    kind: "postgres",
    query,
    exec: async (text) => {
      await pool.query(text);
    },
    async transaction(work) {
      const client = await pool.connect();
      let broken = false;
      // A checked-out client is not watched by the pool: a connection cut mid-transaction
      // (pg_terminate_backend, a failover) emits 'error' on it, which would crash the process.
      // The query in flight fails with it; the client is discarded on release.
      const onError = () => {
        broken = true;
      };
      client.on("error", onError);
      try {
        await client.query("BEGIN");
        const tx: Sql = {
          query: async (text, params, opts) => {
            const r = await client.query(statement(text, params, opts));
            return { rows: r.rows as never[], rowCount: r.rowCount ?? 0 };
          },
          exec: async (text) => {
            await client.query(text);
          },
        };
        const result = await work(tx);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        client.off("error", onError);
        client.release(broken);
      }
    },
    async ping() {
      try {
        await pool.query("select 1");
        return true;
      } catch {
        return false;
      }
    },
    close: () => pool.end(),
  };
}
