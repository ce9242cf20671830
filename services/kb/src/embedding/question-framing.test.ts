import { describe, expect, it } from "vitest";
import { withoutFraming } from "./question-framing.ts";

describe("withoutFraming", () => {
  it("leaves what a question is about", () => {
    expect(withoutFraming("Is it possible to export my data from Trello?")).toBe(
      "export my data from Trello?",
    );
    expect(withoutFraming("How can I delete my Facebook account?")).toBe(
      "delete my Facebook account?",
    );
    expect(withoutFraming("Hi, what is the best way to back up Gmail? Thanks in advance")).toBe(
      "back up Gmail?",
    );
    expect(withoutFraming("I'd like to print a card")).toBe("print a card");
  });

  it("keeps the words framing phrases are made of when they carry the topic", () => {
    expect(withoutFraming("Show the way to the office")).toBe("Show the way to the office");
    expect(withoutFraming("Highlight this")).toBe("Highlight this");
  });

  it("keeps a question that is nothing but framing", () => {
    expect(withoutFraming("How do I ")).toBe("How do I ");
  });
});
