import { describe, expect, it } from "vitest";
import { containsNul, isBadTextError, isTransientDbError } from "./text-input.ts";

describe("text the database cannot store", () => {
  it("finds a NUL character in any string, key or nesting", () => {
    expect(containsNul("a\u0000b")).toBe(true);
    expect(containsNul({ a: [{ b: "x\u0000" }] })).toBe(true);
    expect(containsNul({ ["k\u0000"]: 1 })).toBe(true);
    expect(containsNul({ a: ["fine", 1, null, { b: "also fine" }] })).toBe(false);
    expect(containsNul(undefined)).toBe(false);
  });

  it("recognizes Postgres's encoding errors and nothing else", () => {
    expect(isBadTextError({ code: "22021" })).toBe(true);
    expect(isBadTextError({ code: "22P05" })).toBe(true);
    expect(isBadTextError({ code: "23505" })).toBe(false);
    expect(isBadTextError(new Error("x"))).toBe(false);
    expect(isBadTextError(null)).toBe(false);
  });

  it("tells a lost database connection from a failing statement", () => {
    expect(isTransientDbError({ code: "57P01" })).toBe(true);
    expect(isTransientDbError({ code: "08006" })).toBe(true);
    expect(isTransientDbError({ code: "ECONNRESET" })).toBe(true);
    expect(isTransientDbError(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isTransientDbError({ code: "23505" })).toBe(false);
    expect(isTransientDbError(new Error("syntax error"))).toBe(false);
  });
});
