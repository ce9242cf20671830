import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { axeViolations } from "./support/browser.ts";
import { e2eApp } from "./support/app.ts";

describe("reports", () => {
  const app = e2eApp();

  it("shows an admin ticket counts for the range and exports them as CSV", async () => {
    const customer = app().api("customerA");
    const agent = app().api("agent");
    const subjects = ['=HYPERLINK("x") refund', "Login loop", 'Invoice, wrong "VAT"'];
    const made = [];
    for (const [i, subject] of subjects.entries())
      made.push(
        await customer.ticket.tickets.create.mutate({
          subject,
          description: "details",
          category: i === 1 ? "account" : "billing",
        }),
      );
    await agent.ticket.tickets.resolve.mutate({ ticketId: made[0]!.id });

    const page = await app().pageAs("admin", "/reports");
    await page.getByRole("heading", { name: "Reports", level: 1 }).waitFor();
    const figures = page.getByRole("group", { name: "Key figures" });
    expect(await figures.textContent()).toContain("3 tickets opened");
    expect(await figures.textContent()).toContain("1 resolved");
    expect(await figures.textContent()).toContain("33% resolution rate");
    const byCategory = page.getByRole("list", { name: "Tickets by category" });
    expect(await byCategory.getByRole("listitem").allTextContents()).toEqual([
      "Billing2",
      "Account1",
    ]);
    const sla = page.getByRole("region", { name: "SLA compliance" });
    await sla.getByText("of targets met").waitFor();
    expect(await sla.getByRole("row").count()).toBe(3);
    expect(await axeViolations(page)).toEqual([]);

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export CSV of tickets by category" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("tickets-by-category.csv");
    expect(await readFile(await file.path(), "utf8")).toBe(
      "Category,Tickets\r\nBilling,2\r\nAccount,1\r\n",
    );

    // Customer-typed subjects are quoted, and never run as spreadsheet formulas.
    const all = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export the tickets in this range (CSV)" }).click();
    const rows = (await readFile(await (await all).path(), "utf8")).split("\r\n");
    expect(rows[0]).toBe("Number,Subject,Status,Priority,Category,Opened,Resolved");
    expect(rows).toContainEqual(expect.stringContaining(`,"'=HYPERLINK(""x"") refund",Resolved,`));
    expect(rows).toContainEqual(expect.stringContaining(`,"Invoice, wrong ""VAT""",Open,`));

    // Agents do not see reports.
    const agentPage = await app().pageAs("agent", "/reports");
    await agentPage.getByRole("heading", { name: "No access" }).waitFor();
  });
});
