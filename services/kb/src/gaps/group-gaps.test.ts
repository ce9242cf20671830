import { describe, expect, it } from "vitest";
import { groupGaps } from "./group-gaps.ts";

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes));

describe("groupGaps", () => {
  it("puts questions that share most words together and names them by the shared words", () => {
    const groups = groupGaps([
      { text: "export invoice pdf", terms: ["export", "invoic", "pdf"], at: at(3) },
      { text: "pdf invoice export please", terms: ["export", "invoic", "pdf", "pleas"], at: at(2) },
      { text: "dark mode", terms: ["dark", "mode"], at: at(1) },
    ]);
    expect(groups).toEqual([
      {
        terms: ["export", "invoic", "pdf"],
        count: 2,
        examples: ["export invoice pdf", "pdf invoice export please"],
        lastSeen: at(3).toISOString(),
      },
      { terms: ["dark", "mode"], count: 1, examples: ["dark mode"], lastSeen: at(1).toISOString() },
    ]);
  });

  it("skips questions made only of stop words", () => {
    expect(groupGaps([{ text: "how do I", terms: [], at: at(0) }])).toEqual([]);
  });
});
