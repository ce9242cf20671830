import { describe, expect, it } from "vitest";
import { html } from "./html.ts";
import { replyMarker } from "./layout.ts";
import { templates } from "./templates.ts";

const ticket = { number: 1042, subject: `<img src=x onerror="alert(1)">`, url: "http://d/t/1" };

describe("mail templates", () => {
  it("put the number in the subject and escape everything people typed", () => {
    const m = templates.agentReply({
      ticket,
      authorName: "<Eve>",
      body: "a & b\n\n<script>x</script>",
    });
    expect(m.subject).toBe(`[#1042] <img src=x onerror="alert(1)">`);
    expect(m.html).not.toContain("<script>");
    expect(m.html).not.toContain("<Eve>");
    expect(m.html).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(m.html).toContain("a &amp; b");
    expect(m.text).toContain(replyMarker);
    expect(m.text).toContain("a & b");
  });

  it("never carry a note's text in a mention, and keep staff mails free of the reply marker", () => {
    const m = templates.mention({ ticket, authorName: "Agent", internal: true });
    expect(m.text).toContain("an internal note");
    expect(m.text).not.toContain(replyMarker);
  });

  it("render every template", () => {
    const all = [
      templates.acknowledged({ ticket, name: "Ann" }),
      templates.statusChanged({ ticket, status: "waiting on customer" }),
      templates.csatRequest({ ticket, rateUrl: "http://d/rate" }),
      templates.assignment({ ticket, actorName: null }),
      templates.sla({
        ticket,
        breached: true,
        metric: "resolution",
        dueAt: "2026-11-25T10:00:00Z",
      }),
      templates.customerReplied({ ticket, name: "Ann", body: "hi" }),
      templates.invitation({
        workspaceName: "Acme <Support>",
        invitedByName: "Admin",
        acceptUrl: "http://d/accept?t=1",
        expiresAt: "2026-12-01T00:00:00Z",
      }),
      templates.passwordReset({
        name: "Ann",
        resetUrl: "http://d/reset?t=1",
        expiresAt: "2026-12-01T00:00:00Z",
      }),
      templates.digest({ items: [{ title: "<x>", url: "http://d/t/1" }], url: "http://d" }),
    ];
    for (const m of all) {
      expect(m.subject.length).toBeGreaterThan(0);
      expect(m.text.length).toBeGreaterThan(0);
      expect(m.html).toMatch(/^<!doctype html>/);
      expect(m.html).not.toContain("<Support>");
      expect(m.html).not.toContain("<x>");
    }
    expect(all[2]?.subject).toBe(`[#1042] Resolved: ${ticket.subject}`);
  });

  it("escape attribute values too", () => {
    expect(html`<a href="${`" onclick="x`}"></a>`.value).toBe(
      `<a href="&quot; onclick=&quot;x"></a>`,
    );
  });
});
