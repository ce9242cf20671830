import { describe, expect, it } from "vitest";
import { e2eApp } from "./support/app.ts";

/** The product's main journeys, each role in its own browser, against one running Signpost. */
describe("journeys across roles", () => {
  const app = e2eApp();

  it("an editor publishes an article, and a customer typing a question is deflected by it", async () => {
    const editor = await app().pageAs("editor", "/kb/new");
    await editor.getByLabel("Title").fill("Set up single sign-on with Okta");
    await editor
      .getByLabel("Body (Markdown)")
      .fill(
        "## Okta SSO\n\nIn Okta, add Signpost as a SAML app, then paste the metadata URL under Settings → Security → Single sign-on.",
      );
    await editor.getByRole("button", { name: "Publish" }).click();
    await editor.getByText(/^Published · version 1/).waitFor();

    const customer = await app().pageAs("customerA", "/portal/new");
    const subject = customer.getByLabel("Subject");
    await subject.pressSequentially("How do I configure Okta single sign", { delay: 15 });
    const suggestion = customer
      .getByRole("list", { name: "Suggestions" })
      .getByRole("button", { name: /Set up single sign-on with Okta/ });
    // The indexer works off the request path: retype until the new article is served.
    for (let i = 0; i < 20 && !(await suggestion.isVisible()); i += 1) {
      await subject.press("Backspace");
      await subject.pressSequentially("n", { delay: 300 });
      await customer.waitForTimeout(500);
    }
    await suggestion.click();
    await customer.getByRole("heading", { name: "Okta SSO" }).waitFor();
    await customer.getByRole("button", { name: "This solved my problem" }).click();
    await customer.getByText("No ticket was opened.").waitFor();
    expect(await app().api("customerA").ticket.tickets.list.query()).toEqual([]);
  });

  it("a customer files a ticket, an agent drafts from the KB and resolves it, and the customer sees it resolved", async () => {
    const customer = await app().pageAs("customerA", "/portal/new");
    const agent = await app().pageAs("agent", "/agent");
    await agent.getByRole("heading", { name: "Queue" }).waitFor();

    await customer.getByLabel("Subject").fill("Okta login fails with a SAML error");
    await customer
      .getByLabel("Description")
      .fill("Since this morning every Okta login shows 'invalid SAML response'.");
    await customer.getByRole("button", { name: "Submit ticket" }).click();
    await customer.getByText(/Ticket #\d+ was submitted/).waitFor();

    // The queue refreshes by itself.
    const inQueue = agent.getByRole("link", { name: "Okta login fails with a SAML error" });
    await inQueue.waitFor({ timeout: 30_000 });
    await inQueue.click();
    await agent.getByRole("button", { name: "Draft a reply" }).click();
    const draft = agent.getByLabel("Draft", { exact: true });
    await draft.waitFor();
    expect(await draft.inputValue()).toContain("[1]");
    expect(
      await agent.getByRole("list", { name: "Sources" }).getByRole("link").allTextContents(),
    ).toContain("Set up single sign-on with Okta");
    await agent.getByRole("button", { name: "Resolve" }).click();
    await agent.getByRole("button", { name: "Resolved" }).waitFor();

    await customer.reload();
    await customer.locator(".badge", { hasText: "Resolved" }).waitFor();
  });

  it("an admin opens reports", async () => {
    const admin = await app().pageAs("admin", "/");
    await admin
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Reports" })
      .click();
    await admin.getByRole("heading", { name: "Reports", level: 1 }).waitFor();
    expect(await admin.getByRole("group", { name: "Key figures" }).textContent()).toContain(
      "1 resolved",
    );
  });
});
