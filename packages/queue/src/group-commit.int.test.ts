import { afterAll, beforeAll, expect, it } from "vitest";
import { createPgDb, type Db } from "@signpost/db";
import { describeWithInfra, freshDatabase } from "@signpost/testkit";
import { groupCommit } from "./group-commit.ts";

describeWithInfra("group commit on real Postgres", (infra) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshDatabase(infra.databaseUrl);
    drop = fresh.drop;
    db = createPgDb({ url: fresh.url });
    await db.exec(`create table units (n int primary key, txid xid8 not null)`);
  });
  afterAll(async () => {
    await db.close();
    await drop();
  });

  it("commits units that arrive together in one transaction", async () => {
    const commit = groupCommit({
      db,
      maxBatch: 10,
      parallel: 1,
      work: async (tx, n: number) => {
        await tx.query(`insert into units values ($1, pg_current_xact_id())`, [n]);
        return n * 2;
      },
    });
    expect(await Promise.all([1, 2, 3, 4].map((n) => commit(n)))).toEqual([2, 4, 6, 8]);
    const { rows } = await db.query<{ txs: number }>(
      `select count(distinct txid)::int as txs from units where n <= 4`,
    );
    expect(rows[0]?.txs).toBe(1);
  });

  it("a failing unit fails alone: the others of its batch still commit, once", async () => {
    const runs = new Map<number, number>();
    const commit = groupCommit({
      db,
      maxBatch: 10,
      parallel: 1,
      work: async (tx, n: number) => {
        runs.set(n, (runs.get(n) ?? 0) + 1);
        if (n === 12) throw new Error("unit 12 is broken");
        await tx.query(`insert into units values ($1, pg_current_xact_id())`, [n]);
        return n;
      },
    });
    const results = await Promise.allSettled([11, 12, 13].map((n) => commit(n)));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(String((results[1] as PromiseRejectedResult).reason)).toContain("unit 12 is broken");
    const { rows } = await db.query<{ n: number }>(`select n from units where n > 10 order by n`);
    expect(rows.map((r) => r.n)).toEqual([11, 13]);
    // The batch ran once and rolled back, then each unit once alone.
    expect(runs.get(11)).toBe(2);
    expect(runs.get(12)).toBe(2);
  });
});
