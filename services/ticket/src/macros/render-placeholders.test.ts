import { describe, expect, it } from "vitest";
import { render } from "./render-placeholders.ts";

describe("macro placeholders", () => {
  it("fills known placeholders, spaces allowed, and keeps unknown ones visible", () => {
    expect(
      render("Hi {{ requester.name }}, #{{ticket.number}} {{nope}}", {
        "requester.name": "Ana",
        "ticket.number": "1042",
      }),
    ).toBe("Hi Ana, #1042 {{nope}}");
  });
});
