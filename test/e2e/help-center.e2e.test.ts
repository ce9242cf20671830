import { describe, expect, it } from "vitest";
import { axeViolations } from "./support/browser.ts";
import { e2eApp } from "./support/app.ts";
import { publishedArticle } from "./support/kb.ts";

describe("the help center", () => {
  const app = e2eApp();

  it("lets a signed-out visitor browse, search, read and answer 'did this help?'", async () => {
    const article = await publishedArticle(
      app(),
      {
        title: "Download your invoices",
        summary: "Every invoice as a PDF.",
        category: "billing",
        body: "Go to **Billing → Invoices** and choose *Download*.",
      },
      "download invoice pdf",
    );
    await app().api("editor").kb.articles.create.mutate({
      title: "Internal refund playbook",
      body: "Staff only: refunds above 500 need a lead.",
      visibility: "internal",
      status: "published",
    });
    const page = await app().anonymousPage(`/help?workspace=${app().ws.slug}`);
    await page.getByRole("heading", { name: "Help center" }).waitFor();
    await page
      .getByRole("region", { name: "Billing" })
      .getByRole("link", { name: "Download your invoices" })
      .waitFor();
    expect(await page.getByText("Internal refund playbook").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel("Search the help center").fill("invoice download");
    await page.getByRole("heading", { name: "Results" }).waitFor();
    await page.getByRole("link", { name: "Download your invoices" }).click();
    await page.getByRole("heading", { name: "Download your invoices", level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/help/${article.slug}`);
    expect(await page.locator(".prose strong").textContent()).toBe("Billing → Invoices");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "No" }).click();
    await page.getByLabel("What were you looking for? (optional)").fill("Invoices from 2019");
    await page.getByRole("button", { name: "Send feedback" }).click();
    await page.getByText("Thanks for telling us").waitFor();

    // A reload keeps the visitor in the workspace they came to.
    await page.reload();
    await page.getByRole("heading", { name: "Download your invoices", level: 1 }).waitFor();
    await page.getByRole("link", { name: "← Help center" }).click();
    await page.getByRole("link", { name: "Download your invoices" }).waitFor();

    const stats = await app().api("editor").kb.articles.stats.query({ articleId: article.id });
    expect(stats).toMatchObject({ notHelpful: 1, helpful: 0 });
    expect(stats.views).toBeGreaterThanOrEqual(2);
    expect(stats.recentComments.map((c) => c.comment)).toEqual(["Invoices from 2019"]);
  });

  it("shows a signed-in customer the article a suggestion links to, and records 'yes'", async () => {
    const article = await publishedArticle(
      app(),
      { title: "Change your billing email", body: "Billing → Contacts → *Billing email*." },
      "billing email change",
    );
    const page = await app().pageAs("customerA", `/help/articles/${article.id}`);
    await page.getByRole("heading", { name: "Change your billing email", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Yes" }).click();
    await page.getByText("Thanks! Glad it helped.").waitFor();
    await page.getByRole("link", { name: "Open a ticket" }).waitFor();
    const stats = await app().api("editor").kb.articles.stats.query({ articleId: article.id });
    expect(stats).toMatchObject({ helpful: 1, notHelpful: 0, helpfulPercent: 100 });
  });
});
