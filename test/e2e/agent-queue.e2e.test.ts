import { describe, expect, it } from "vitest";
import { waitFor } from "@signpost/testkit";
import { axeViolations } from "./support/browser.ts";
import { e2eApp } from "./support/app.ts";

describe("the agent queue", () => {
  const app = e2eApp();

  it("pages through the service, filters by tag and assignee, and keeps saved views per agent", async () => {
    const customer = app().api("customerA");
    const agentApi = app().api("agent");
    const created = [];
    // One more than a page, so the second page has something in it.
    for (let i = 1; i <= 27; i++) {
      created.push(
        await customer.ticket.tickets.create.mutate({
          subject: `Paging ticket ${i}`,
          description: `Number ${i} of a long queue.`,
          category: "general",
        }),
      );
    }
    const [vip, mine] = created;
    await agentApi.ticket.tickets.update.mutate({ ticketId: vip!.id, tags: ["vip"] });
    await agentApi.ticket.tickets.assign.mutate({
      ticketId: mine!.id,
      assigneeId: app().ws.ws.agent.userId,
    });

    const page = await app().pageAs("agent", "/agent");
    const rows = page.getByRole("table").locator("tbody tr");
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(25);
    await page.getByText("25 tickets shown").waitFor();
    await page.getByRole("button", { name: "Load more" }).click();
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(27);
    expect(await page.getByRole("button", { name: "Load more" }).count()).toBe(0);
    // Every ticket once: the second page continues after the first, it does not repeat it.
    const subjects = await rows.getByRole("link").allTextContents();
    expect(new Set(subjects).size).toBe(27);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel("Tag").fill("vip");
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(1);
    expect(await rows.first().getByRole("link").textContent()).toBe("Paging ticket 1");
    await page.getByRole("button", { name: "Save as view…" }).click();
    await page.getByLabel("View name").fill("VIPs");
    await page.getByRole("button", { name: "Save view" }).click();
    await page.getByRole("button", { name: "Delete view “VIPs”" }).waitFor();
    expect(page.url()).toMatch(/view=/);

    // Back to the default, then the saved view again from the picker.
    // Returning to a view it has shown keeps the pages loaded there (both, refreshed).
    await page.getByLabel("View", { exact: true }).selectOption({ label: "Default" });
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(27);
    await page.getByLabel("View", { exact: true }).selectOption({ label: "VIPs" });
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByLabel("Tag").inputValue()).toBe("vip");

    // Views are the agent's own: the admin does not see this one.
    expect((await app().api("admin").ticket.views.list.query()).map((v) => v.name)).toEqual([]);
    await page.getByRole("button", { name: "Delete view “VIPs”" }).click();
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(27);
    expect(await agentApi.ticket.views.list.query()).toEqual([]);
    expect(
      await page.getByLabel("View", { exact: true }).locator("option").allTextContents(),
    ).toEqual(["Default"]);

    await page.getByLabel("Assignee").selectOption({ label: "Me" });
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(1);
    expect(await rows.first().getByRole("link").textContent()).toBe("Paging ticket 2");
    await page.getByLabel("Assignee").selectOption({ label: "Unassigned" });
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(25);
    // j past the last row loads the next page.
    await rows.last().getByRole("link").focus();
    await page.keyboard.press("j");
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(26);
  });

  it("selects rows with the keyboard and acts on them in bulk", async () => {
    const customer = app().api("customerA");
    const a = await customer.ticket.tickets.create.mutate({
      subject: "Bulk one",
      description: "First of the bulk tickets.",
      category: "billing",
    });
    const b = await customer.ticket.tickets.create.mutate({
      subject: "Bulk two",
      description: "Second of the bulk tickets.",
      category: "billing",
    });
    const page = await app().pageAs("agent", "/agent?category=billing&sort=number&dir=asc");
    const rows = page.getByRole("table").locator("tbody tr");
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);

    // j to the first row, x selects it; j, x the second.
    await page.getByRole("heading", { name: "Queue" }).click();
    await page.keyboard.press("j");
    await page.keyboard.press("x");
    await page.keyboard.press("j");
    await page.keyboard.press("x");
    const bar = page.getByRole("region", { name: "Bulk actions" });
    await bar.getByText("2 tickets selected").waitFor();
    expect(await page.getByLabel("Select #" + a.number).isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await bar.getByLabel("Set priority").selectOption("high");
    await bar.waitFor({ state: "detached" });
    const ticket = app().api("agent").ticket.tickets;
    for (const t of [a, b]) {
      expect((await ticket.get.query({ ticketId: t.id })).priority).toBe("high");
    }
    await expect.poll(() => rows.getByText("High").count(), { timeout: 30_000 }).toBe(2);

    await page.getByLabel("Select all shown tickets").check();
    await bar.getByLabel("Assign to").selectOption({ label: "Me" });
    await bar.waitFor({ state: "detached" });
    for (const t of [a, b]) {
      expect((await ticket.get.query({ ticketId: t.id })).assigneeId).toBe(
        app().ws.ws.agent.userId,
      );
    }

    await page.getByLabel("Select #" + b.number).check();
    await bar.getByLabel("Set status").selectOption({ label: "In progress" });
    await bar.waitFor({ state: "detached" });
    expect((await ticket.get.query({ ticketId: b.id })).status).toBe("in_progress");

    await page.getByLabel("Select all shown tickets").check();
    await bar.getByRole("button", { name: "Close tickets" }).click();
    await bar.waitFor({ state: "detached" });
    for (const t of [a, b]) {
      expect((await ticket.get.query({ ticketId: t.id })).status).toBe("closed");
    }
    // Closed tickets leave the default ("not resolved") queue.
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(0);
    await page.getByText("No tickets match this view.").waitFor();
  });

  it("counts down to the SLA target and filters breached tickets", async () => {
    await app()
      .api("admin")
      .ticket.sla.policies.create.mutate({
        name: "Tight accounts",
        priority: "low",
        category: "account",
        firstResponseMinutes: 3 / 60,
        resolutionMinutes: 600,
      });
    const customer = app().api("customerA");
    const late = await customer.ticket.tickets.create.mutate({
      subject: "Account locked",
      description: "Locked out after a password reset.",
      category: "account",
      priority: "low",
    });
    const calm = await customer.ticket.tickets.create.mutate({
      subject: "Account rename",
      description: "Please rename our account.",
      category: "account",
      priority: "medium",
    });
    const page = await app().pageAs("agent", "/agent?category=account");
    const rowOf = (subject: string) =>
      page.getByRole("row").filter({ has: page.getByRole("link", { name: subject }) });
    await rowOf(calm.subject).getByText("On track").waitFor();
    expect(await rowOf(calm.subject).textContent()).toMatch(/due in \d+ hours?/);

    await waitFor(
      "the breach",
      async () =>
        (await app().api("agent").ticket.sla.ticket.query({ ticketId: late.id })).state ===
        "breached",
      60_000,
    );
    await page.getByLabel("SLA", { exact: true }).selectOption({ label: "Breached" });
    const rows = page.getByRole("table").locator("tbody tr");
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(1);
    await rowOf(late.subject).getByText("Breached").waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it("marks a ticket that arrives while the queue is open, and shows an assignment live", async () => {
    const page = await app().pageAs("agent", "/agent?category=technical");
    await page.getByText("No tickets match this view.").waitFor();
    const t = await app().api("customerA").ticket.tickets.create.mutate({
      subject: "Webhook retries never stop",
      description: "The same webhook arrives every minute.",
      category: "technical",
    });
    const row = page
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: "Webhook retries never stop" }) });
    await row.waitFor({ timeout: 15_000 });
    // The first load had nothing, so the empty state was replaced; nothing to mark yet.
    await page.getByLabel("Status").selectOption("all");
    // The old rows stay on screen (busy) while the new view loads; a ticket created before that
    // load answers is part of the view, not an arrival, so wait for the answer.
    await page.locator('table.queue[aria-busy="false"]').waitFor();
    await row.waitFor();

    const second = await app().api("customerA").ticket.tickets.create.mutate({
      subject: "API keys expire early",
      description: "Keys stop working after a day.",
      category: "technical",
    });
    const fresh = page
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: second.subject }) });
    await fresh.getByText("New", { exact: true }).waitFor({ timeout: 15_000 });
    await page.getByRole("status").getByText("1 new ticket arrived").waitFor();

    // The admin gives the first ticket to the agent; the agent's stream brings the change.
    await app().api("admin").ticket.tickets.assign.mutate({
      ticketId: t.id,
      assigneeId: app().ws.ws.agent.userId,
    });
    await row.getByText(app().ws.ws.agent.name, { exact: true }).waitFor({ timeout: 15_000 });
  });

  it("shows a change by someone else without a reload, long before the poll", async () => {
    const t = await app().api("customerA").ticket.tickets.create.mutate({
      subject: "Export stalls at 99%",
      description: "The CSV export never finishes.",
      category: "technical",
      priority: "low",
    });
    const page = await app().pageAs("agent", "/agent?category=technical&status=all");
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: t.subject }) });
    await row.getByText("Low", { exact: true }).waitFor({ timeout: 30_000 });

    // Nobody is notified of a priority change: only the staff stream's `ticket` event can bring
    // it before the queue's 30-second poll.
    await app()
      .api("admin")
      .ticket.tickets.setPriority.mutate({ ticketId: t.id, priority: "urgent" });
    await row.getByText("Urgent", { exact: true }).waitFor({ timeout: 15_000 });
    expect(await row.getByText("Low", { exact: true }).count()).toBe(0);
  });
});
