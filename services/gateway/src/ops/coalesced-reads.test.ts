import { describe, expect, it } from "vitest";
import { coalescedReads } from "./coalesced-reads.ts";

const tick = () => new Promise((r) => setImmediate(r));

describe("coalesced reads", () => {
  it("answers the callers of one tick with one read, each distinct key once", async () => {
    const reads: string[][] = [];
    const find = coalescedReads(async (keys: string[]) => {
      reads.push(keys);
      return new Map(keys.map((k) => [k, k.toUpperCase()]));
    });
    expect(await Promise.all([find("a"), find("b"), find("a")])).toEqual(["A", "B", "A"]);
    expect(reads).toEqual([["a", "b"]]);
  });

  it("never answers a caller from a read that started before it asked", async () => {
    let version = 0;
    const releases: (() => void)[] = [];
    const find = coalescedReads(async (keys: string[]) => {
      const seen = version;
      await new Promise<void>((r) => releases.push(r));
      return new Map(keys.map((k) => [k, seen]));
    });
    const first = find("s");
    await tick(); // the first read is in flight
    version = 1; // e.g. a sign-out commits
    const second = find("s");
    releases.shift()!();
    expect(await first).toBe(0);
    await tick(); // the second caller's own read starts after the first one ends
    releases.shift()!();
    expect(await second).toBe(1);
  });

  it("fails the callers of a failed read and reads again for the next ones", async () => {
    let fail = true;
    const find = coalescedReads(async (keys: string[]) => {
      if (fail) throw new Error("down");
      return new Map(keys.map((k) => [k, 1]));
    });
    await expect(find("x")).rejects.toThrow("down");
    fail = false;
    expect(await find("x")).toBe(1);
    expect(await find("missing-is-undefined")).toBe(1);
  });
});
