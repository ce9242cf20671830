import { describe, expect, it } from "vitest";
import { axeViolations } from "./support/browser.ts";
import { e2eApp } from "./support/app.ts";

describe("SLA administration", () => {
  const app = e2eApp();

  it("sets up a business calendar, a policy that new tickets get, and auto-close", async () => {
    const page = await app().pageAs("admin", "/admin");
    await page.getByRole("heading", { name: "SLA policies" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // A calendar: Berlin office hours (the weekday default) and a holiday.
    await page.getByRole("link", { name: "Business calendars" }).click();
    await page.getByRole("button", { name: "New calendar" }).click();
    const calForm = page.getByRole("form", { name: "New calendar" });
    await calForm.getByLabel("Name").fill("Berlin office");
    await calForm.getByLabel("Time zone").selectOption("Europe/Berlin");
    const friday = calForm.getByRole("group", { name: "Working hours 5" });
    await friday.getByLabel("Until").fill("15:00");
    await calForm.getByRole("button", { name: "Add holiday" }).click();
    const holiday = calForm.getByRole("group", { name: "Holiday 1" });
    await holiday.getByLabel("Date").fill("2026-12-25");
    await holiday.getByLabel("Holiday name").fill("Christmas");
    expect(await axeViolations(page)).toEqual([]);
    await calForm.getByRole("button", { name: "Save calendar" }).click();
    const calRow = page.getByRole("row", { name: /Berlin office/ });
    await calRow.waitFor();
    expect(await calRow.textContent()).toContain("Fri 09:00–15:00");
    expect(await calRow.textContent()).toContain("Christmas");
    const admin = app().api("admin");
    const [calendar] = await admin.ticket.sla.calendars.list.query();
    expect(calendar).toMatchObject({
      name: "Berlin office",
      timeZone: "Europe/Berlin",
      holidays: [{ date: "2026-12-25", name: "Christmas" }],
    });
    expect(calendar?.hours).toHaveLength(5);

    // A policy for urgent billing tickets of Org A, counted in Berlin business hours.
    await page.getByRole("link", { name: "SLA policies" }).click();
    await page.getByRole("button", { name: "New policy" }).click();
    const form = page.getByRole("form", { name: "New policy" });
    await form.getByLabel("Name").fill("Urgent billing, Org A");
    await form.getByLabel("Priority", { exact: true }).selectOption("urgent");
    await form.getByLabel("Category").selectOption("billing");
    await form.getByLabel("Organization").selectOption({ label: "Org A" });
    await form.getByLabel("First response within", { exact: true }).fill("0");
    await form.getByRole("button", { name: "Save policy" }).click();
    // Bad input is refused with a message, and nothing is saved.
    await form.getByRole("alert").waitFor();
    expect(await admin.ticket.sla.policies.list.query()).toEqual([]);

    // A new policy starts at 4 hours; this one answers within 30 minutes.
    await form.getByLabel("First response within", { exact: true }).fill("30");
    await form.getByLabel("First response within unit").selectOption("minutes");
    await form.getByLabel("Resolution within", { exact: true }).fill("4");
    await form.getByLabel("Resolution within unit").selectOption("hours");
    await form.getByLabel("Counting").selectOption({ label: "Business hours: Berlin office" });
    await form.getByLabel("Raise the priority one step").check();
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole("button", { name: "Save policy" }).click();
    const row = page.getByRole("row", { name: /Urgent billing, Org A/ });
    await row.waitFor();
    expect(await row.getByRole("cell").allTextContents()).toEqual([
      "Urgent · Billing · Org A",
      "30 min",
      "4 h",
      "Business hours (Berlin office)",
      "Raise priority",
      "Edit Urgent billing, Org ADelete Urgent billing, Org A",
    ]);
    const [policy] = await admin.ticket.sla.policies.list.query();
    expect(policy).toMatchObject({
      priority: "urgent",
      category: "billing",
      orgId: app().ws.ws.orgA,
      firstResponseMinutes: 30,
      resolutionMinutes: 240,
      calendarId: calendar?.id,
      escalateRaisePriority: true,
      escalateGroupId: null,
    });

    await row.getByRole("button", { name: "Edit Urgent billing, Org A" }).click();
    const edit = page.getByRole("form", { name: "Edit Urgent billing, Org A" });
    await edit.getByLabel("Resolution within", { exact: true }).fill("8");
    await edit.getByRole("button", { name: "Save policy" }).click();
    await row.getByRole("cell", { name: "8 h" }).waitFor();

    // A new urgent billing ticket of Org A is held to it.
    const ticket = await app().api("customerA").ticket.tickets.create.mutate({
      subject: "Invoice charged twice",
      description: "x",
      priority: "urgent",
      category: "billing",
    });
    const sla = await app().api("agent").ticket.sla.ticket.query({ ticketId: ticket.id });
    expect(sla.policyId).toBe(policy?.id);

    // Auto-close after five days.
    await page.getByRole("link", { name: "Auto-close" }).click();
    await page.getByLabel("Close resolved tickets after (days)").fill("5");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Saved.").waitFor();
    expect(await admin.ticket.sla.settings.get.query()).toEqual({ autoCloseDays: 5 });
    expect(await axeViolations(page)).toEqual([]);

    // Deleting asks first.
    await page.getByRole("link", { name: "SLA policies" }).click();
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Delete Urgent billing, Org A" }).click();
    await page.getByText("No policies yet").waitFor();
  });

  it("is for admins only", async () => {
    const page = await app().pageAs("agent", "/admin/calendars");
    await page.getByRole("heading", { name: "No access" }).waitFor();
    expect(
      await page.getByRole("navigation", { name: "Main" }).getByRole("link").allTextContents(),
    ).not.toContain("Admin");
  });
});
