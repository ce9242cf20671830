import { describe, expect, it } from "vitest";
import { mentionHandles } from "./mentions.ts";

describe("mention handles", () => {
  it("finds @name and @address words, not addresses without the @ prefix", () => {
    expect(mentionHandles("Ping @Ana and @bo.li@example.com. Mail x@y.com")).toEqual([
      "ana",
      "bo.li@example.com",
    ]);
  });
  it("ignores a trailing full stop", () => {
    expect(mentionHandles("thanks @ana.")).toEqual(["ana"]);
  });
});
