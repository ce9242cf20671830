import { describe, expect, it } from "vitest";
import { canTransition } from "./transitions.ts";

describe("status transitions", () => {
  it("lets work move forward and back before resolution", () => {
    expect(canTransition("open", "in_progress")).toBe(true);
    expect(canTransition("in_progress", "waiting_on_customer")).toBe(true);
    expect(canTransition("waiting_on_customer", "open")).toBe(true);
    expect(canTransition("in_progress", "resolved")).toBe(true);
  });

  it("lets a resolved ticket only reopen or close", () => {
    expect(canTransition("resolved", "open")).toBe(true);
    expect(canTransition("resolved", "closed")).toBe(true);
    expect(canTransition("resolved", "in_progress")).toBe(false);
    expect(canTransition("resolved", "waiting_on_customer")).toBe(false);
  });

  it("keeps a closed ticket closed", () => {
    for (const to of [
      "open",
      "in_progress",
      "waiting_on_customer",
      "resolved",
      "closed",
    ] as const) {
      expect(canTransition("closed", to)).toBe(false);
    }
  });
});
