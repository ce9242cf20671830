import { describe, expect, it } from "vitest";
import { lineDiff } from "./line-diff.ts";

describe("lineDiff", () => {
  it("marks changed lines as removed and added, keeping the rest", () => {
    expect(lineDiff("a\nb\nc", "a\nB\nc\nd")).toEqual([
      { op: "same", text: "a" },
      { op: "remove", text: "b" },
      { op: "add", text: "B" },
      { op: "same", text: "c" },
      { op: "add", text: "d" },
    ]);
  });

  it("finds moved-around common lines in the middle", () => {
    const ops = lineDiff("x\n1\n2\n3\ny", "x\n2\n3\n4\ny").map((l) => `${l.op[0]}${l.text}`);
    expect(ops).toEqual(["sx", "r1", "s2", "s3", "a4", "sy"]);
  });

  it("says nothing changed for equal texts", () => {
    expect(lineDiff("same\ntext", "same\ntext").every((l) => l.op === "same")).toBe(true);
  });
});
