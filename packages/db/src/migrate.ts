import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Db } from "./db.ts";

export interface Migration {
  /** Sortable and never renamed once shipped, e.g. `0001_tickets`. */
  id: string;
  sql: string;
}

/** Reads `NNNN_name.sql` files from a folder, in order. */
export async function loadSqlMigrations(dir: string): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".sql")).sort();
  return Promise.all(
    files.map(async (f) => ({
      id: f.replace(/\.sql$/, ""),
      sql: await readFile(join(dir, f), "utf8"),
    })),
  );
}

const identifier = /^[a-z_][a-z0-9_]*$/;

/**
 * Applies forward-only migrations to one service's schema, each in its own transaction, recording
 * them in `<schema>.schema_migrations`. Replicas starting together serialize on an advisory lock, so
 * each migration runs once. Returns the ids it applied.
 */
export async function migrate(db: Db, schema: string, migrations: Migration[]): Promise<string[]> {
  if (!identifier.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  const ids = migrations.map((m) => m.id);
  if (new Set(ids).size !== ids.length) throw new Error(`duplicate migration id in ${schema}`);
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock(hashtext($1))", [`signpost.migrate.${schema}`]);
    await tx.query(`create schema if not exists ${schema}`);
    await tx.query(
      `create table if not exists ${schema}.schema_migrations (
         id text primary key, applied_at timestamptz not null default now())`,
    );
    const done = new Set(
      (await tx.query<{ id: string }>(`select id from ${schema}.schema_migrations`)).rows.map(
        (r) => r.id,
      ),
    );
    for (const m of [...migrations].sort((a, b) => a.id.localeCompare(b.id))) {
      if (done.has(m.id)) continue;
      await tx.query(`set local search_path to ${schema}, public`);
      await tx.exec(m.sql);
      await tx.query(`insert into ${schema}.schema_migrations (id) values ($1)`, [m.id]);
      applied.push(m.id);
    }
  });
  return applied;
}
