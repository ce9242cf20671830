import { describe, expect, it } from "vitest";
import { combine, combineGroups } from "./write-batch.ts";

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
        { text: "insert into b (y) values ($1)", params: [2] },
      ],
      [{ text: "insert into a (x) values ($1) returning *", params: [3] }],
    ]);
    expect(out.params).toEqual([1, 2, 3]);
    expect(out.text).toBe(
      [
        "with w0 as (insert into a (x) values ($1) returning *),",
        "w1 as (insert into b (y) values ($2)),",
        "w2 as (insert into a (x) values ($3) returning *)",
        "select * from w0",
        "union all select * from w2",
      ].join("\n"),
    );
  });
});
