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

  it("shows agent performance and CSAT with charts and CSV exports", async () => {
    const customer = app().api("customerA");
    const agent = app().api("agent");
    const rated = [
      { subject: "Password reset mail missing", rating: 5, comment: "Fast and friendly" },
      { subject: "Export stuck at 99%", rating: 2, comment: "Took, too long" },
    ];
    for (const r of rated) {
      const t = await customer.ticket.tickets.create.mutate({
        subject: r.subject,
        description: "x",
      });
      await agent.ticket.tickets.assign.mutate({
        ticketId: t.id,
        assigneeId: app().ws.ws.agent.userId,
      });
      await agent.ticket.comments.add.mutate({ ticketId: t.id, body: "Looking at it now" });
      await agent.ticket.tickets.resolve.mutate({ ticketId: t.id });
      await customer.ticket.csat.submit.mutate({
        ticketId: t.id,
        rating: r.rating,
        comment: r.comment,
      });
    }

    const page = await app().pageAs("admin", "/reports");
    const agents = page.getByRole("region", { name: "Agent performance" });
    const row = agents.getByRole("row", { name: /^Agent \d/ });
    await row.waitFor();
    const cells = await row.getByRole("cell").allTextContents();
    // The suite's first test resolved one more for this agent.
    const solved = Number(cells[0]);
    expect(solved).toBeGreaterThanOrEqual(2);
    expect(cells[1]).toMatch(/min|h/);
    expect(cells[3]).toBe("3.5 (2)");

    const csat = page.getByRole("region", { name: "Customer satisfaction" });
    await csat.getByText("average from 2 ratings").waitFor();
    expect(await csat.getByText("3.5", { exact: true }).count()).toBe(1);
    expect(
      await csat
        .getByRole("list", { name: "Ratings by score" })
        .getByRole("listitem")
        .allTextContents(),
    ).toEqual(["5 stars1", "4 stars0", "3 stars0", "2 stars1", "1 star0"]);
    const comments = csat.getByRole("list", { name: "Recent CSAT comments" });
    expect(await comments.textContent()).toContain("Fast and friendly");
    expect(await axeViolations(page)).toEqual([]);

    const perAgent = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export CSV of agent performance" }).click();
    const agentRows = (await readFile(await (await perAgent).path(), "utf8")).split("\r\n");
    expect(agentRows[0]).toBe(
      "Agent,Solved,Avg first response (min),Avg resolution (min),CSAT average,CSAT ratings",
    );
    expect(agentRows).toContainEqual(
      expect.stringMatching(new RegExp(`^Agent,${solved},[\\d.]+,[\\d.]+,3.5,2$`)),
    );

    const notes = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export CSV of CSAT comments" }).click();
    const noteRows = (await readFile(await (await notes).path(), "utf8")).split("\r\n");
    expect(noteRows[0]).toBe("Ticket,Subject,Rating,Comment,Rated");
    expect(noteRows).toContainEqual(expect.stringContaining(',"Took, too long",'));
  });
});
