import { describe, expect, it } from "vitest";
import { combine, combineGroups, splitInsert } from "./write-batch.ts";

describe("combining writes into one statement", () => {
  it("makes each write a CTE with its parameters shifted past the ones before", () => {
    const out = combine([
      { text: "insert into a (x, y) values ($1, $2) returning *", params: [1, 2] },
      { text: "insert into b (z) values ($1::uuid)", params: ["u"] },
      { text: "insert into c (p, q) values ($2, $1)", params: ["q", "p"] },
    ]);
    expect(out.params).toEqual([1, 2, "u", "q", "p"]);
    expect(out.text).toBe(
      [
        "with w0 as (insert into a (x, y) values ($1, $2) returning *),",
        "w1 as (insert into b (z) values ($3::uuid)),",
        "w2 as (insert into c (p, q) values ($5, $4))",
        "select * from w0",
      ].join("\n"),
    );
  });

  it("leaves a single write as it is, and refuses nothing to combine", () => {
    const one = { text: "insert into a (x) values ($1) returning *", params: [1] };
    expect(combine([one])).toBe(one);
    expect(() => combine([])).toThrow(/nothing to combine/);
  });
});

describe("combining groups of writes", () => {
  it("numbers every group's writes on, and returns the rows of each group's first write", () => {
    const out = combineGroups([
      [
        { text: "insert into a (x) values ($1) returning *", params: [1] },
        { text: "update b set y = $1", params: [2] },
      ],
      [{ text: "update a set x = $1 returning *", params: [3] }],
    ]);
    expect(out.params).toEqual([1, 2, 3]);
    expect(out.text).toBe(
      [
        "with w0 as (insert into a (x) values ($1) returning *),",
        "w1 as (update b set y = $2),",
        "w2 as (update a set x = $3 returning *)",
        "select * from w0",
        "union all select * from w2",
      ].join("\n"),
    );
  });
});

describe("merging the groups' inserts", () => {
  const ticket = (id: string) => [
    {
      text: "insert into t (id, at) values ($1, coalesce($2, now())) returning id",
      params: [id, null],
    },
    { text: "insert into a (t) values ($1)", params: [id] },
    { text: "update s set n = n + 1 where t = $1", params: [id] },
  ];

  it("makes the same single-row insert of every group one multi-row insert", () => {
    const out = combineGroups([ticket("x"), ticket("y")]);
    expect(out.params).toEqual(["x", null, "x", "x", "y", null, "y", "y"]);
    expect(out.text).toBe(
      [
        "with w0 as (insert into t (id, at) values ($1, coalesce($2, now())),",
        "($5, coalesce($6, now())) returning id),",
        "w1 as (insert into a (t) values ($3),",
        "($7)),",
        "w2 as (update s set n = n + 1 where t = $4),",
        "w3 as (update s set n = n + 1 where t = $8)",
        "select * from w0",
      ].join("\n"),
    );
  });

  it("splits only single-row inserts with no parameter outside the row", () => {
    expect(splitInsert("insert into a (x, y) values ($1, f($2, 'a)b')) returning x")).toEqual({
      head: "insert into a (x, y) values",
      row: "($1, f($2, 'a)b'))",
      tail: " returning x",
    });
    expect(splitInsert("insert into a (x) values ($1) on conflict (x) do update set y = $2")).toBe(
      null,
    );
    expect(splitInsert("insert into a (x) values ($1), ($2)")).toBe(null);
    expect(splitInsert("update a set x = $1")).toBe(null);
  });
});
