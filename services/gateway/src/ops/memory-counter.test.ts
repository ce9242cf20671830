import { describe, expect, it } from "vitest";
import { memoryCounter } from "./memory-counter.ts";

describe("in-process request counts", () => {
  it("counts per key within a window and starts over after it", () => {
    let t = 0;
    const hit = memoryCounter(() => t);
    expect(hit("a", 60)).toEqual({ count: 1, resetInSeconds: 60 });
    t = 10_000;
    expect(hit("a", 60)).toEqual({ count: 2, resetInSeconds: 50 });
    expect(hit("b", 60).count).toBe(1);
    t = 60_000;
    expect(hit("a", 60)).toEqual({ count: 1, resetInSeconds: 60 });
  });
});
