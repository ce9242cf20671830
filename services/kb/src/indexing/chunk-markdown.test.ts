import { describe, expect, it } from "vitest";
import { chunkMarkdown } from "./chunk-markdown.ts";

describe("chunkMarkdown", () => {
  it("keeps the heading path with each section", () => {
    const chunks = chunkMarkdown(
      "Intro text.\n\n# Billing\nAbout billing.\n## Invoices\nPDF invoices.\n# Account\nSign in.",
    );
    expect(chunks.map((c) => [c.headingPath, c.content])).toEqual([
      ["", "Intro text."],
      ["Billing", "About billing."],
      ["Billing > Invoices", "PDF invoices."],
      ["Account", "Sign in."],
    ]);
  });

  it("splits long sections into overlapping windows", () => {
    const words = Array.from({ length: 450 }, (_, i) => `w${i}`).join(" ");
    const chunks = chunkMarkdown(`## Long\n${words}`);
    expect(chunks).toHaveLength(3);
    expect(chunks[0]?.content.split(" ")).toHaveLength(200);
    expect(chunks[1]?.content.startsWith("w170 ")).toBe(true); // 30 words of overlap
    expect(chunks[2]?.content.endsWith("w449")).toBe(true);
    expect(chunks.map((c) => c.ordinal)).toEqual([0, 1, 2]);
  });

  it("does not take a # inside a code fence for a heading", () => {
    const chunks = chunkMarkdown("## Shell\n```\n# not a heading\nls\n```");
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.headingPath).toBe("Shell");
  });

  it("returns nothing for an empty body", () => {
    expect(chunkMarkdown("   \n## Empty\n")).toEqual([]);
  });
});
