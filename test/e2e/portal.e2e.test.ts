import { describe, expect, it } from "vitest";
import { axeViolations } from "./support/browser.ts";
import { e2eApp } from "./support/app.ts";
import { publishedArticle } from "./support/kb.ts";

describe("the customer portal", () => {
  const app = e2eApp();

  it("suggests an article while the customer types, and records the deflection when it solves the problem", async () => {
    const article = await publishedArticle(
      app(),
      {
        title: "Reset your password",
        body: "## Forgotten password\n\nOpen **Sign in**, choose *Forgot password* and follow the emailed link.\n\n<script>window.hacked = true</script>",
      },
      "forgot my password",
    );
    const before = await app().api("customerA").ticket.tickets.list.query();
    const page = await app().pageAs("customerA", "/portal/new");
    await page.getByLabel("Subject").pressSequentially("I forgot my passw", { delay: 20 });
    const suggestion = page
      .getByRole("list", { name: "Suggestions" })
      .getByRole("button", { name: /Reset your password/ });
    await suggestion.waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Keyboard: ↓ from the subject reaches the suggestion, Enter opens it beside the form.
    await page.getByLabel("Subject").press("ArrowDown");
    expect(await suggestion.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    const viewer = page.getByRole("complementary", { name: "Suggested answer" });
    await viewer.getByRole("heading", { name: "Forgotten password" }).waitFor();
    expect(await viewer.locator("strong").first().textContent()).toBe("Sign in");
    // The article's raw HTML was sanitized away.
    expect(await viewer.locator("script").count()).toBe(0);
    expect(await page.evaluate("window.hacked")).toBeUndefined();

    await viewer.getByRole("button", { name: "This solved my problem" }).click();
    await page.getByText("Glad that article solved it").waitFor();
    expect(new URL(page.url()).pathname).toBe("/portal");

    expect(await app().api("customerA").ticket.tickets.list.query()).toHaveLength(before.length);
    // Tracking never holds the customer up (the page moves on without waiting for it), so its
    // rows may land a moment after the page changed.
    const events = async () =>
      (
        await app().gw.db.query<{ kind: string; source_id: string | null }>(
          "select kind, source_id from kb.suggestion_events where workspace_id = $1 order by id",
          [app().ws.ws.workspaceId],
        )
      ).rows;
    await expect
      .poll(async () => (await events()).filter((r) => r.kind === "solved"), { timeout: 10_000 })
      .toEqual([{ kind: "solved", source_id: article.id }]);
    expect((await events()).map((r) => r.kind)).toEqual(
      expect.arrayContaining(["impression", "click"]),
    );
  });

  it("files a ticket, lists it under its status, and keeps it from other organizations", async () => {
    const page = await app().pageAs("customerA", "/portal");
    await page.getByRole("heading", { name: "My tickets" }).waitFor();
    await page.getByRole("link", { name: "New ticket" }).first().click();
    await page.getByRole("heading", { name: "New ticket" }).waitFor();

    // Submitting too little says what is wrong beside the field.
    await page.getByLabel("Subject").fill("Hi");
    await page.getByRole("button", { name: "Submit ticket" }).click();
    await page.getByText("subject must be at least 3 characters").waitFor();

    await page.getByLabel("Subject").fill("Invoice shows the wrong VAT number");
    await page
      .getByLabel("Description")
      .fill("Our VAT number changed in March; invoice 1042 has the old one.");
    await page.getByLabel("Category").selectOption("billing");
    await page.getByLabel("Priority").selectOption("high");
    await page.getByRole("button", { name: "Submit ticket" }).click();
    await page.getByText(/Ticket #\d+ was submitted/).waitFor();
    await page.getByRole("heading", { name: /Invoice shows the wrong VAT number/ }).waitFor();
    const ticketUrl = new URL(page.url()).pathname;
    expect(ticketUrl).toMatch(/^\/portal\/tickets\/[0-9a-f-]{36}$/);
    expect(await page.getByText("High", { exact: true }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "My tickets" }).click();
    const table = page.getByRole("table");
    await table.getByRole("link", { name: "Invoice shows the wrong VAT number" }).waitFor();
    await page.getByRole("button", { name: "Resolved" }).click();
    await page.getByText("No tickets with this status.").waitFor();
    expect(page.url()).toContain("status=resolved");
    await page.getByRole("button", { name: "Open", exact: true }).click();
    await table.getByRole("link", { name: "Invoice shows the wrong VAT number" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const other = await app().pageAs("customerB", ticketUrl);
    await other.getByText("This was not found, or you do not have access to it.").waitFor();
    await other.goto("/portal");
    await other.getByText("Your organization has no tickets yet.").waitFor();
  });

  it("starts a ticket from a template meant for customers, and files what was edited", async () => {
    await app()
      .api("admin")
      .ticket.macros.createTemplate.mutate({
        name: "Shared mailbox access",
        subject: "Access to a shared mailbox",
        description: "Mailbox address:\nApproved by:",
        category: "account",
        priority: "low",
        tags: ["portal"],
      });
    await app()
      .api("admin")
      .ticket.macros.createTemplate.mutate({
        name: "Phone call log",
        subject: "Call from the customer",
        description: "Staff notes.",
        tags: ["phone"],
      });
    const page = await app().pageAs("customerA", "/portal");
    await page.getByRole("link", { name: "New ticket" }).first().click();
    const picker = page.getByLabel("Template (optional)");
    await picker.waitFor();
    // Only the template tagged for the portal is offered.
    expect(await picker.locator("option").allTextContents()).toEqual([
      "None",
      "Shared mailbox access",
    ]);
    expect(await axeViolations(page)).toEqual([]);

    await picker.selectOption({ label: "Shared mailbox access" });
    expect(await page.getByLabel("Subject").inputValue()).toBe("Access to a shared mailbox");
    expect(await page.getByLabel("Description").inputValue()).toBe(
      "Mailbox address:\nApproved by:",
    );
    expect(await page.getByLabel("Category").inputValue()).toBe("account");
    expect(await page.getByLabel("Priority").inputValue()).toBe("low");

    await page
      .getByLabel("Description")
      .fill("Mailbox address: sales@customer-a.test\nApproved by: our CFO");
    await page.getByRole("button", { name: "Submit ticket" }).click();
    await page.getByText(/Ticket #\d+ was submitted/).waitFor();
    const ticketId = new URL(page.url()).pathname.split("/").at(-1)!;
    const filed = await app().api("agent").ticket.tickets.get.query({ ticketId });
    expect(filed).toMatchObject({
      subject: "Access to a shared mailbox",
      description: "Mailbox address: sales@customer-a.test\nApproved by: our CFO",
      category: "account",
      priority: "low",
    });
  });
});
