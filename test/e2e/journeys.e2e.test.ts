import { describe, expect, it } from "vitest";
import { waitFor } from "@signpost/testkit";
import { axeViolations } from "./support/browser.ts";
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

  it("a customer files a ticket; an agent sees it arrive, drafts from the KB, notes, replies and resolves; the customer sees the reply but never the note", async () => {
    const customer = await app().pageAs("customerA", "/portal/new");
    const agent = await app().pageAs("agent", "/agent");
    await agent.getByRole("heading", { name: "Queue" }).waitFor();

    await customer.getByLabel("Subject").fill("Okta login fails with a SAML error");
    await customer
      .getByLabel("Description")
      .fill("Since this morning every Okta login shows 'invalid SAML response'.");
    await customer.getByRole("button", { name: "Submit ticket" }).click();
    await customer.getByText(/Ticket #\d+ was submitted/).waitFor();

    // The queue fills from the live stream, without a reload.
    const inQueue = agent.getByRole("link", { name: "Okta login fails with a SAML error" });
    await inQueue.waitFor({ timeout: 10_000 });
    await inQueue.click();

    await agent.getByRole("button", { name: "Draft a reply" }).click();
    // Streamed: the text region fills in, then the finished draft can be inserted.
    const draft = agent.getByRole("region", { name: "Draft text" });
    const insert = agent.getByRole("button", { name: "Insert into reply" });
    await insert.waitFor();
    expect(await draft.textContent()).toContain("[1]");
    expect(
      await agent.getByRole("list", { name: "Sources" }).getByRole("link").allTextContents(),
    ).toContain("Set up single sign-on with Okta");
    await insert.click();
    const reply = agent.getByLabel("Reply (the customer will see this)");
    expect(await reply.inputValue()).toBe(await draft.textContent());
    await reply.press("End");
    await reply.pressSequentially("\nWe also reset your SSO session.");

    // A note first: the composer says plainly that it is internal, and keeps it apart.
    const replyText = await reply.inputValue();
    await agent.getByRole("button", { name: "Internal note" }).click();
    const note = agent.getByLabel("Internal note (only staff will see this)");
    expect(await note.inputValue()).toBe("");
    await note.fill("Customer's IdP certificate expired yesterday; rotated it on our side.");
    await agent.getByRole("button", { name: "Add note" }).click();
    const thread = agent.getByRole("list", { name: "Conversation" });
    await thread.getByRole("listitem", { name: /^Internal note by Agent/ }).waitFor();

    await agent.getByRole("button", { name: "Reply to customer" }).click();
    expect(await reply.inputValue()).toBe(replyText);
    await agent.getByRole("button", { name: "Send reply" }).click();
    await thread.getByRole("listitem", { name: /^Reply by Agent/ }).waitFor();
    expect(await agent.getByLabel("Reply (the customer will see this)").inputValue()).toBe("");
    // The draft's kept citation is recorded against the source it cited.
    const used = await waitFor("the draft's use to be recorded", async () => {
      const { rows } = await app().gw.db.query<{ used: number }>(
        "select cardinality(used_source_ids) as used from kb.drafts where workspace_id = $1 and used_at is not null",
        [app().ws.ws.workspaceId],
      );
      return rows.length ? rows : undefined;
    });
    expect(used).toEqual([{ used: 1 }]);
    await agent.getByRole("button", { name: "Resolve" }).click();
    await agent.getByRole("button", { name: "Resolved" }).waitFor();

    // The customer's open page follows along: the reply arrives, the note never does.
    const customerThread = customer.getByRole("list", { name: "Conversation" });
    await customerThread.getByText("We also reset your SSO session.").waitFor({ timeout: 10_000 });
    await customer.locator(".badge", { hasText: "Resolved" }).first().waitFor();
    await customer.reload();
    await customerThread.getByText("We also reset your SSO session.").waitFor();
    expect(await customer.getByText(/certificate expired/).count()).toBe(0);
    expect(await customer.getByText("Internal note").count()).toBe(0);
    expect(await axeViolations(customer)).toEqual([]);

    await customer.getByLabel("Excellent").check();
    await customer.getByRole("button", { name: "Send rating" }).click();
    await customer.getByText("Thanks for rating our support: Excellent.").waitFor();
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
