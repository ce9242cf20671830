import { describe, expect, it } from "vitest";
import { axeViolations } from "./support/browser.ts";
import { e2eApp } from "./support/app.ts";
import { publishedArticle } from "./support/kb.ts";

describe("the agent console", () => {
  const app = e2eApp();

  it("works the queue with filters, sorting and the keyboard", async () => {
    const customer = app().api("customerA");
    await customer.ticket.tickets.create.mutate({
      subject: "Export to CSV times out",
      description: "The export spins for a minute and fails.",
      priority: "low",
      category: "technical",
    });
    await customer.ticket.tickets.create.mutate({
      subject: "Charged twice this month",
      description: "Two identical charges on the card.",
      priority: "urgent",
      category: "billing",
    });
    const page = await app().pageAs("agent", "/agent");
    const rows = page.getByRole("table").locator("tbody tr");
    await page.getByRole("link", { name: "Charged twice this month" }).waitFor();
    // Urgent first by default.
    expect(await rows.first().getByRole("link").textContent()).toBe("Charged twice this month");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Opened" }).click();
    await page.getByRole("button", { name: "Opened ▲" }).waitFor();
    // The service sorts: the old order stays on screen until the new page arrives.
    await expect
      .poll(() => rows.first().getByRole("link").textContent())
      .toBe("Export to CSV times out");

    await page.getByLabel("Category").selectOption("billing");
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(1);
    expect(page.url()).toContain("category=billing");
    await page.getByLabel("Category").selectOption("all");
    await page.keyboard.press("/");
    await page.keyboard.type("csv");
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(1);
    await page.getByLabel("Search").fill("");
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);

    // j moves to the first ticket, j again to the second, Enter opens it.
    await page.getByRole("heading", { name: "Queue" }).click();
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: /Charged twice this month/ }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/agent\/tickets\//);
  });

  it("drafts a reply with citations from the KB and resolves the ticket", async () => {
    const article = await publishedArticle(
      app(),
      {
        title: "Refunds for duplicate charges",
        body: "When a card is charged twice, we refund the duplicate within 5 business days. Agents issue it from Billing → Payments → Refund.",
      },
      "charged twice duplicate",
    );
    const ticket = await app().api("customerA").ticket.tickets.create.mutate({
      subject: "I was charged twice",
      description: "My card shows a duplicate charge for the same invoice.",
    });
    const page = await app().pageAs("agent", `/agent/tickets/${ticket.id}`);
    await page.getByRole("heading", { name: /I was charged twice/ }).waitFor();
    await page
      .getByRole("region", { name: "Related" })
      .getByRole("link", { name: "Refunds for duplicate charges" })
      .waitFor();

    const sla = page.getByRole("region", { name: /SLA/ });
    await sla.getByText("On track").waitFor();
    expect(await sla.getByRole("term").allTextContents()).toEqual(["First response", "Resolution"]);
    await page.getByRole("button", { name: "Draft a reply" }).click();
    await page.getByRole("button", { name: "Insert into reply" }).waitFor();
    const draft = page.getByRole("region", { name: "Draft text" });
    expect(await draft.textContent()).toMatch(/\[1\]/);
    // Each citation in the text links to the source it names.
    expect(await draft.getByRole("link", { name: `Source 1: ${article.title}` }).count()).toBe(1);
    const sources = page.getByRole("list", { name: "Sources" });
    expect(await sources.getByRole("link").first().textContent()).toBe(article.title);
    expect(await sources.getByRole("listitem").first().textContent()).toContain("cited");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Resolve" }).click();
    await page.getByRole("button", { name: "Resolved" }).waitFor();
    const after = await app().api("customerA").ticket.tickets.get.query({ ticketId: ticket.id });
    expect(after.status).toBe("resolved");
    // Agents cannot write articles; the button is for editors and admins.
    expect(await page.getByRole("button", { name: "Turn into a KB article" }).count()).toBe(0);

    await page
      .getByRole("region", { name: "Related" })
      .getByRole("button", { name: "Link to this ticket: Refunds for duplicate charges" })
      .click();
    await page.getByText("Linked to this ticket").waitFor();
    const stats = await app().api("editor").kb.articles.stats.query({ articleId: article.id });
    expect(stats.linkedTickets.map((l) => l.ticketId)).toEqual([ticket.id]);

    const admin = await app().pageAs("admin", `/agent/tickets/${ticket.id}`);
    await admin.getByRole("button", { name: "Turn into a KB article" }).click();
    await admin.getByText(/^Draft · version 1/).waitFor();
    expect(await admin.getByLabel("Title").inputValue()).toContain("charged twice");
  });

  it("rings the bell and fills the queue live when a ticket arrives", async () => {
    const page = await app().pageAs("agent", "/agent");
    await page.getByRole("heading", { name: "Queue" }).waitFor();
    const bell = page.getByRole("button", { name: /^Notifications/ });
    // Earlier tests' tickets rang it already: opening the feed marks them read.
    if ((await bell.textContent())?.includes("unread")) {
      await bell.click();
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "Notifications", exact: true }).waitFor();
    }

    const ticket = await app().api("customerA").ticket.tickets.create.mutate({
      subject: "Cannot upload a logo",
      description: "The upload button does nothing.",
    });
    // Pushed over the live stream: well before any poll would run.
    await page.getByRole("link", { name: "Cannot upload a logo" }).waitFor({ timeout: 10_000 });
    await page.getByText("1 unread").waitFor({ timeout: 10_000 });
    await bell.click();
    const list = page.locator("#notification-list");
    await list.getByRole("link", { name: new RegExp(`#${ticket.number}`) }).click();
    await page.getByRole("heading", { name: /Cannot upload a logo/ }).waitFor();
    await page.getByRole("button", { name: "Notifications", exact: true }).waitFor();
    expect(await app().api("agent").notification.notifications.unreadCount.query()).toEqual({
      unread: 0,
    });
  });
});
