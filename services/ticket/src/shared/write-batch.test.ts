import { describe, expect, it } from "vitest";
import { combine } from "./write-batch.ts";

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
