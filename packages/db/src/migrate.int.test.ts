import { afterAll, describe, expect, it } from "vitest";
import { describeWithInfra, freshDatabase } from "@signpost/testkit";
import type { Db } from "./db.ts";
import { migrate, type Migration } from "./migrate.ts";
import { createPgDb } from "./pg-db.ts";
import { createPgliteDb } from "./pglite-db.ts";

const v1: Migration[] = [
  { id: "0001_things", sql: "create table things (id int primary key, embedding vector(3));" },
];
const v2: Migration[] = [
  ...v1,
  { id: "0002_more", sql: "alter table things add column name text;" },
];

function migrationContract(make: () => Promise<Db>) {
  it("applies pending migrations once, in order, in the service's schema", async () => {
    const db = await make();
    expect(await migrate(db, "svc", v1)).toEqual(["0001_things"]);
    expect(await migrate(db, "svc", v1)).toEqual([]);
    expect(await migrate(db, "svc", v2)).toEqual(["0002_more"]);
    await db.query("insert into svc.things (id, embedding, name) values (1, '[1,2,3]', 'a')");
    const { rows } = await db.query<{ d: number }>(
      "select embedding <-> '[1,2,3]' as d from svc.things",
    );
    expect(rows[0]?.d).toBe(0);
  });

  it("rolls back a failing migration entirely", async () => {
    const db = await make();
    const bad = [
      ...v1,
      { id: "0002_bad", sql: "create table half (id int); select * from nowhere;" },
    ];
    await expect(migrate(db, "svc2", bad)).rejects.toThrow();
    const { rows } = await db.query(
      "select 1 from information_schema.tables where table_schema = 'svc2' and table_name in ('things', 'half')",
    );
    expect(rows).toEqual([]);
  });

  it("lets concurrent starters apply each migration once", async () => {
    const db = await make();
    const results = await Promise.all([migrate(db, "svc3", v2), migrate(db, "svc3", v2)]);
    expect(results.flat().sort()).toEqual(["0001_things", "0002_more"]);
  });
}

describe("migrations on PGlite", () => {
  const dbs: Db[] = [];
  afterAll(() => Promise.all(dbs.map((d) => d.close())));
  migrationContract(async () => {
    const db = await createPgliteDb();
    await db.exec("create extension if not exists vector");
    dbs.push(db);
    return db;
  });
});

describeWithInfra("migrations on Postgres", (infra) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });
  migrationContract(async () => {
    const fresh = await freshDatabase(infra.databaseUrl);
    const db = createPgDb({ url: fresh.url });
    cleanups.push(async () => {
      await db.close();
      await fresh.drop();
    });
    return db;
  });
});
