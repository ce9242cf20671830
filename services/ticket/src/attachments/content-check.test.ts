import { describe, expect, it } from "vitest";
import { contentMatches } from "./content-check.ts";

describe("attachment content checks", () => {
  it("accepts a PNG that starts like one", () => {
    expect(contentMatches("image/png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d]))).toBe(true);
  });
  it("refuses an executable declared as an image", () => {
    expect(contentMatches("image/png", Buffer.from("MZ\x90\x00"))).toBe(false);
  });
  it("refuses binary bytes declared as text", () => {
    expect(contentMatches("text/plain; charset=utf-8", Buffer.from([0x41, 0x00, 0x42]))).toBe(
      false,
    );
    expect(contentMatches("text/plain", Buffer.from("hello"))).toBe(true);
  });
  it("refuses types outside the list", () => {
    expect(contentMatches("application/x-msdownload", Buffer.from("MZ"))).toBe(false);
  });
});
