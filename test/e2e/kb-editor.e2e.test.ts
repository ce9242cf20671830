import { describe, expect, it } from "vitest";
import { waitFor } from "@signpost/testkit";
import { axeViolations } from "./support/browser.ts";
import { e2eApp } from "./support/app.ts";

describe("the KB editor", () => {
  const app = e2eApp();

  it("writes an article with a live preview, publishes it into suggestions, and takes it back out", async () => {
    const page = await app().pageAs("editor", "/kb");
    await page.getByRole("heading", { name: "Articles" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "New article" }).first().click();
    await page.getByRole("heading", { name: "New article" }).waitFor();

    await page.getByLabel("Title").fill("Rotate your API keys");
    await page.getByLabel("Summary").fill("Replace a leaked key without downtime.");
    await page.getByLabel("Category").selectOption("technical");
    await page.getByLabel("Tags").fill("api, security");
    await page
      .getByLabel("Body (Markdown)")
      .fill(
        '## Rotate a key\n\n1. Create a **second key** in Settings → API.\n2. Deploy it, then revoke the old one.\n\n<img src=x onerror="window.pwned=1"> [docs](javascript:alert(1))',
      );
    const preview = page.getByRole("region", { name: "Preview" });
    await preview.getByRole("heading", { name: "Rotate a key" }).waitFor();
    expect(await preview.locator("strong").textContent()).toBe("second key");
    expect(await preview.locator("[onerror]").count()).toBe(0);
    expect(await preview.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await page.evaluate("window.pwned")).toBeUndefined();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Save as draft" }).click();
    await page.getByText("Draft · version 1").waitFor();
    const articleId = new URL(page.url()).pathname.split("/").pop() ?? "";
    expect(articleId).toMatch(/^[0-9a-f-]{36}$/);

    const customer = app().api("customerA");
    const typed = { subject: "how do I rotate an api key" };
    const suggested = async () =>
      (await customer.kb.suggestions.suggest.query(typed)).suggestions.some(
        (s) => s.id === articleId,
      );
    expect(await suggested()).toBe(false);

    // Ctrl+S saves an edit as a new version.
    await page.getByLabel("Summary").fill("Replace a leaked API key without downtime.");
    await page.getByText("unsaved changes").waitFor();
    await page.keyboard.press("Control+s");
    await page.getByText("Draft · version 2").waitFor();

    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText(/^Published · version/).waitFor();
    await waitFor("the published article in suggestions", suggested, 30_000);

    await page.getByRole("button", { name: "Unpublish" }).click();
    await page.getByText(/^Draft · version/).waitFor();
    await waitFor(
      "the unpublished article to leave suggestions",
      async () => !(await suggested()),
      30_000,
    );

    await page.getByRole("button", { name: "Archive" }).click();
    await page.getByText(/^Archived · version/).waitFor();
  });

  it("compares two versions line by line and restores the older one as a new version", async () => {
    const editor = app().api("editor");
    const created = await editor.kb.articles.create.mutate({
      title: "Export your data",
      body: "Open Settings.\nChoose Export.\nWait for the email.",
      status: "published",
    });
    await editor.kb.articles.update.mutate({
      articleId: created.id,
      body: "Open Settings.\nChoose Export all.\nWait for the email.",
    });
    const page = await app().pageAs("editor", `/kb/articles/${created.id}`);
    await page.getByText(/^Published · version 2/).waitFor();
    await page.getByRole("tab", { name: "History" }).waitFor();
    const changes = page.getByLabel("Changes to Body");
    await changes.waitFor();
    expect(await changes.locator("del").allTextContents()).toEqual(["- Choose Export.\n"]);
    expect(await changes.locator("ins").allTextContents()).toEqual(["+ Choose Export all.\n"]);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Restore version 1" }).click();
    await page.getByText(/^Published · version 3/).waitFor();
    expect(await page.getByLabel("Body (Markdown)").inputValue()).toBe(
      "Open Settings.\nChoose Export.\nWait for the email.",
    );
    expect(await page.getByText("unsaved changes").count()).toBe(0);

    await page.getByRole("tab", { name: "History" }).press("ArrowRight");
    const figures = page.getByRole("definition");
    await page.getByRole("tab", { name: "Stats", selected: true }).waitFor();
    await figures.first().waitFor();
    expect(await page.getByLabel("Article figures").textContent()).toContain("Views");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("groups what customers asked that nothing answered, and starts an article from it", async () => {
    const customer = await app().pageAs("customerA", "/portal/new");
    await customer.getByLabel("Subject").pressSequentially("flux capacitor overheating warning", {
      delay: 10,
    });
    await customer.getByText("No matching articles yet").waitFor();

    const page = await app().pageAs("editor", "/kb/gaps");
    await page.getByRole("heading", { name: "Gaps" }).waitFor();
    const row = page.getByRole("row", { name: /flux capacitor overheating/ });
    await row.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await row.getByRole("link", { name: "Write an article" }).click();
    await page.getByRole("heading", { name: "New article" }).waitFor();
    expect(await page.getByLabel("Title").inputValue()).toContain("flux capacitor");
  });

  it("filters the article list by status and shows an article's views, votes, deflections and linked tickets", async () => {
    const editor = app().api("editor");
    const make = (title: string, status: "draft" | "published") =>
      editor.kb.articles.create.mutate({ title, body: `${title}: the steps.`, status });
    const draft = await make("Quarterly invoice draft", "draft");
    const live = await make("Change your billing email address", "published");
    const gone = await make("Legacy fax billing", "published");
    await editor.kb.articles.setStatus.mutate({ articleId: gone.id, status: "archived" });

    // Readers use the article: two views, a yes and a no, one deflection, one linked ticket.
    const customer = app().api("customerA");
    await customer.kb.help.get.query({ slug: live.slug });
    await customer.kb.help.get.query({ slug: live.slug });
    await customer.kb.help.feedback.mutate({ articleId: live.id, helpful: true });
    await app()
      .api("agent")
      .kb.help.feedback.mutate({ articleId: live.id, helpful: false, comment: "Too short" });
    const asked = await customer.kb.suggestions.suggest.query({ subject: "billing email" });
    await customer.kb.suggestions.track.mutate({
      queryId: asked.queryId,
      kind: "solved",
      source: { kind: "article", id: live.id },
    });
    const ticket = await customer.ticket.tickets.create.mutate({
      subject: "Where do invoices go",
      description: "Which address gets them?",
    });
    await app()
      .api("agent")
      .kb.articles.linkTicket.mutate({ articleId: live.id, ticketId: ticket.id });

    const page = await app().pageAs("editor", "/kb");
    const rows = page.getByRole("table").getByRole("link");
    await page.getByRole("link", { name: live.title }).waitFor();
    expect(await rows.allTextContents()).not.toContain(draft.title);
    await page.getByLabel("Status").selectOption("draft");
    await page.getByRole("link", { name: draft.title }).waitFor();
    // Earlier tests of this suite leave articles behind: check ours, not the whole list.
    expect(await rows.allTextContents()).toContain(draft.title);
    expect(await rows.allTextContents()).not.toContain(live.title);
    expect(new URL(page.url()).search).toBe("?status=draft");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Status").selectOption("archived");
    await page.getByRole("link", { name: gone.title }).waitFor();
    expect(await rows.allTextContents()).not.toContain(draft.title);
    await page.getByLabel("Status").selectOption("published");
    await page.getByRole("link", { name: live.title }).click();

    await page.getByRole("tab", { name: "Stats" }).click();
    const figures = page.getByLabel("Article figures");
    await figures.getByText("Deflections").waitFor();
    const figure = async (label: string) =>
      (await figures.getByText(label, { exact: true }).locator("xpath=..").textContent()) ?? "";
    expect(await figure("Views")).toBe("Views2");
    expect(await figure("Found it helpful")).toBe("Found it helpful50%");
    expect(await figure("Deflections")).toBe("Deflections1");
    expect(await figure("Linked tickets")).toBe("Linked tickets1");
    await page.getByText("Too short").waitFor();
    // This editor is no agent: the ticket is listed, without a link into the agent console.
    const linked = page.getByRole("region", { name: "Tickets that linked it" });
    await linked.getByText("A ticket").waitFor();
    expect(await linked.getByRole("link").count()).toBe(0);
  });
});
