import type { Sql } from "@signpost/db";

/** What a cached lookup reads; each has a version bumped by every write (migration 0007). */
export type Projection = "directory" | "preferences" | "webhooks";

type Versions = Record<Projection | "database", string>;

const versionsByTx = new WeakMap<Sql, Promise<Versions>>();
const entries = new Map<string, { version: string; value: unknown }>();
const maxEntries = 10_000;

function versionsOf(tx: Sql): Promise<Versions> {
  let v = versionsByTx.get(tx);
  if (!v) {
    v = tx
      .query<{ name: string; version: string }>(
        `select name, version::text as version from notification.projection_versions`,
        [],
        { prepare: true },
      )
      .then(({ rows }) => Object.fromEntries(rows.map((r) => [r.name, r.version])) as Versions);
    versionsByTx.set(tx, v);
  }
  return v;
}

/**
 * The consumer's lookups, kept in memory between events: `load` runs only when no value read at
 * the projection's current version is cached. The versions are read once per transaction (one
 * query for a whole batch of events), so a replica never acts on a projection another replica
 * has since changed. Only for code inside a transaction (`tx`), and values must not be mutated.
 *
 * @example
 * const members = await cachedLookup(tx, "directory", `group:${ws}:${id}`, () => load(tx));
 */
export async function cachedLookup<T>(
  tx: Sql,
  projection: Projection,
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  const versions = await versionsOf(tx);
  const version = versions[projection];
  const slot = `${versions.database}|${projection}|${key}`;
  const hit = entries.get(slot);
  if (hit && hit.version === version) return hit.value as T;
  const value = await load();
  if (entries.size >= maxEntries) entries.clear();
  entries.set(slot, { version, value });
  return value;
}

/**
 * Call after writing a projection inside `tx`: its later lookups read the new version, so they
 * see the write (the number of a write that rolls back is never handed out again).
 */
export function projectionWritten(tx: Sql): void {
  versionsByTx.delete(tx);
}
