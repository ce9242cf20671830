import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeChatServer } from "@signpost/testkit";
import { axeViolations } from "./support/browser.ts";
import { e2eApp } from "./support/app.ts";
import { publishedArticle } from "./support/kb.ts";

// A local stand-in for the paid chat API, writing one piece every 500 ms so the page can be seen
// mid-stream and stopped.
const pieces = [
  "Sorry about the double charge. ",
  "We refund the duplicate within 5 business days [1]. ",
  "You will see it on the same card",
  " once it is processed.",
];

describe("the streamed AI draft", () => {
  let llm: Awaited<ReturnType<typeof startFakeChatServer>>;
  beforeAll(async () => {
    llm = await startFakeChatServer(pieces, { delayMs: 500 });
  });
  const app = e2eApp({
    env: () => ({ LLM_URL: llm.url, LLM_API_KEY: "test-key", LLM_MODEL: "test-model" }),
  });
  afterAll(async () => llm?.close());

  it("shows the text as it is written, links citations, and goes into the reply to edit and send", async () => {
    const article = await publishedArticle(
      app(),
      {
        title: "Duplicate charges are refunded",
        body: "When a card is charged twice, we refund the duplicate within 5 business days.",
      },
      "charged twice duplicate card",
    );
    const ticket = await app().api("customerA").ticket.tickets.create.mutate({
      subject: "My card was charged twice",
      description: "A duplicate charge for the same invoice appeared on my card.",
    });
    const page = await app().pageAs("agent", `/agent/tickets/${ticket.id}`);
    await page.getByRole("heading", { name: /My card was charged twice/ }).waitFor();
    const panel = page.getByRole("region", { name: "AI draft" });
    await panel.getByRole("button", { name: "Draft a reply" }).click();

    // Mid-stream: the first piece is shown while the rest is still being written.
    const text = panel.getByRole("region", { name: "Draft text" });
    await text.getByText("Sorry about the double charge.").waitFor();
    expect(await panel.getByRole("button", { name: "Stop drafting" }).count()).toBe(1);
    expect(await text.textContent()).not.toContain("once it is processed");
    expect(await panel.getByRole("button", { name: "Insert into reply" }).count()).toBe(0);

    await panel.getByRole("button", { name: "Insert into reply" }).waitFor();
    expect(await text.textContent()).toBe(pieces.join(""));
    const citation = text.getByRole("link", { name: `Source 1: ${article.title}` });
    expect(await citation.getAttribute("href")).toBe(`/help/articles/${article.id}`);
    const sources = panel.getByRole("list", { name: "Sources" });
    expect(await sources.getByRole("listitem").first().textContent()).toContain("cited");
    expect(await panel.getByRole("status").textContent()).toContain("by the assistant");
    expect(await axeViolations(page)).toEqual([]);

    await panel.getByRole("button", { name: "Insert into reply" }).click();
    const reply = page.getByLabel("Reply (the customer will see this)");
    expect(await reply.inputValue()).toBe(pieces.join(""));
    await expect
      .poll(() => page.evaluate<string>("document.activeElement?.id"))
      .toBe("composer-text");
    await reply.press("End");
    await reply.pressSequentially(" Best, Sam");
    await page.getByRole("button", { name: "Send reply" }).click();
    await expect
      .poll(async () => {
        const thread = await app()
          .api("customerA")
          .ticket.comments.list.query({ ticketId: ticket.id });
        return thread.map((c) => c.body);
      })
      .toContain(`${pieces.join("")} Best, Sam`);
  });

  it("stops a draft on request, and says so when the model cannot be reached", async () => {
    const ticket = await app().api("customerA").ticket.tickets.create.mutate({
      subject: "Charged twice again",
      description: "Another duplicate charge on my card.",
    });
    const page = await app().pageAs("agent", `/agent/tickets/${ticket.id}`);
    const panel = page.getByRole("region", { name: "AI draft" });
    await panel.getByRole("button", { name: "Draft a reply" }).click();
    await panel.getByRole("region", { name: "Draft text" }).waitFor();
    await panel.getByRole("button", { name: "Stop drafting" }).click();
    await panel.getByText("Stopped. Draft again to get a complete reply.").waitFor();
    const shown = await panel.getByRole("region", { name: "Draft text" }).textContent();
    expect(shown).not.toBe(pieces.join(""));
    expect(await panel.getByRole("button", { name: "Insert into reply" }).count()).toBe(0);

    // The chat API goes away: the panel reports it and offers to try again.
    await llm.close();
    await panel.getByRole("button", { name: "Draft again" }).click();
    const alert = panel.getByRole("alert");
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toContain("The draft could not be finished");
    expect(await alert.getByRole("button", { name: "Try again" }).count()).toBe(1);
  });
});
