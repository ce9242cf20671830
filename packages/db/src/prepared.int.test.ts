import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithInfra, freshDatabase } from "@signpost/testkit";
import type { Db } from "./db.ts";
import { createPgDb } from "./pg-db.ts";
import { createPgliteDb } from "./pglite-db.ts";

const text = "select $1::int * 2 as twice";

describeWithInfra("prepared statements on Postgres", (infra) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshDatabase(infra.databaseUrl);
    drop = fresh.drop;
    // One connection, so every call below meets the statement it prepared before.
    db = createPgDb({ url: fresh.url, max: 1 });
  });
  afterAll(async () => {
    await db.close();
    await drop();
  });

  it("prepares a statement once per connection and runs it with each call's values", async () => {
    const twice = async (sql: Pick<Db, "query">, n: number) =>
      (await sql.query<{ twice: number }>(text, [n], { prepare: true })).rows[0]?.twice;
    expect(await twice(db, 2)).toBe(4);
    expect(await twice(db, 5)).toBe(10);
    const inTx = await db.transaction(async (tx) => {
      const value = await twice(tx, 7);
      const { rows } = await tx.query<{ n: number }>(
        `select count(*)::int as n from pg_prepared_statements where statement = $1`,
        [text],
      );
      return { value, prepared: rows[0]?.n };
    });
    expect(inTx).toEqual({ value: 14, prepared: 1 });
  });
});

it("PGlite runs a statement marked prepared like any other", async () => {
  const db = await createPgliteDb();
  const { rows } = await db.query<{ twice: number }>(text, [3], { prepare: true });
  expect(rows[0]?.twice).toBe(6);
  await db.close();
});
