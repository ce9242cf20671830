import { describe, expect, it } from "vitest";
import { stripReply } from "./strip-reply.ts";

describe("stripReply", () => {
  it("keeps only the new text above a Gmail-style history and signature", () => {
    const text = [
      "It works now.",
      "",
      "Thanks!",
      "-- ",
      "Ann",
      "",
      "On Mon, 23 Nov 2026 at 10:00, Support <support@desk.test> wrote:",
      "> Try again",
    ].join("\n");
    expect(stripReply(text)).toBe("It works now.\n\nThanks!");
  });

  it("cuts at our reply marker and at Outlook's header block", () => {
    expect(stripReply("Yes\n##- Please type your reply above this line -##\nold")).toBe("Yes");
    expect(
      stripReply("Fine by me\r\n\r\nFrom: Support <s@desk.test>\r\nSent: Monday\r\nSubject: x"),
    ).toBe("Fine by me");
    expect(stripReply("See below\n-----Original Message-----\nFrom: x")).toBe("See below");
  });

  it("keeps a line that merely starts with From: when no header block follows", () => {
    expect(stripReply("From: the billing team I heard nothing\nStill waiting")).toBe(
      "From: the billing team I heard nothing\nStill waiting",
    );
  });

  it("drops trailing quotes and a mobile signature", () => {
    expect(stripReply("Ok\n\nSent from my iPhone\n> quoted")).toBe("Ok");
  });
});
