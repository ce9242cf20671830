import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { axeViolations } from "./support/browser.ts";
import { e2eApp } from "./support/app.ts";

describe("the agent's ticket page", () => {
  const app = e2eApp();

  it("edits tags and typed custom fields, splits a reply into a ticket and merges into another", async () => {
    const admin = app().api("admin").ticket;
    await admin.fields.defineCustomField.mutate({
      key: "order_ref",
      label: "Order ref",
      type: "text",
    });
    await admin.fields.defineCustomField.mutate({ key: "seats", label: "Seats", type: "number" });
    await admin.fields.defineCustomField.mutate({
      key: "plan",
      label: "Plan",
      type: "select",
      options: ["free", "pro"],
    });
    await admin.fields.defineCustomField.mutate({ key: "renewal", label: "Renewal", type: "date" });
    const customer = app().api("customerA").ticket;
    const first = await customer.tickets.create.mutate({
      subject: "Invoice total is wrong",
      description: "The March invoice adds VAT twice.",
      category: "billing",
    });
    const other = await customer.tickets.create.mutate({
      subject: "Invoice wrong again",
      description: "April has the same VAT problem.",
      category: "billing",
    });
    await customer.comments.add.mutate({
      ticketId: first.id,
      body: "Also, the export button is missing from the invoices page.",
    });
    const agent = app().api("agent").ticket;

    const page = await app().pageAs("agent", `/agent/tickets/${first.id}`);
    await page.getByRole("heading", { name: /Invoice total is wrong/ }).waitFor();
    const tags = page.getByRole("region", { name: "Tags" });
    await tags.getByLabel("Add a tag").fill("VAT");
    await tags.getByLabel("Add a tag").press("Enter");
    await tags.getByText("vat", { exact: true }).waitFor();
    expect((await agent.tickets.get.query({ ticketId: first.id })).tags).toEqual(["vat"]);
    await tags.getByLabel("Add a tag").fill("not a tag!");
    await tags.getByRole("button", { name: "Add tag" }).click();
    await tags
      .getByRole("alert")
      .getByText(/tags are one word/)
      .waitFor();
    await tags.getByRole("button", { name: "Remove tag vat" }).click();
    await tags.getByText("No tags yet.").waitFor();

    const fields = page.getByRole("region", { name: "Fields" });
    await fields.getByLabel("Order ref").fill("A-17");
    await fields.getByLabel("Seats").fill("12");
    await fields.getByLabel("Plan").selectOption("pro");
    await fields.getByLabel("Renewal").fill("2027-01-31");
    await fields.getByRole("button", { name: "Save fields" }).click();
    await fields.getByText("Saved").waitFor();
    expect((await agent.tickets.get.query({ ticketId: first.id })).customFields).toEqual({
      order_ref: "A-17",
      seats: 12,
      plan: "pro",
      renewal: "2027-01-31",
    });
    expect(await axeViolations(page)).toEqual([]);

    // The customer's follow-up is a separate problem: it becomes a ticket of its own.
    const thread = page.getByRole("list", { name: "Conversation" });
    await thread.getByRole("button", { name: "Split into a new ticket" }).click();
    await page.getByLabel("New ticket's subject").fill("Export button missing");
    await page.getByRole("button", { name: "Create ticket" }).click();
    const created = thread.getByRole("link", { name: /Export button missing/ });
    await created.waitFor();
    const splitId = (await created.getAttribute("href"))!.split("/").pop()!;
    const split = await agent.tickets.get.query({ ticketId: splitId });
    expect(split.description).toBe("Also, the export button is missing from the invoices page.");
    expect(split.requesterId).toBe(first.requesterId);
    expect(split.links.map((l) => [l.kind, l.ticketId])).toEqual([["split_from", first.id]]);

    await page.getByRole("button", { name: "Merge into another ticket…" }).click();
    const merge = page.getByRole("region", { name: /Merge #/ });
    await merge.getByLabel("Find the ticket to keep").fill(`#${other.number}`);
    await merge.getByLabel(`#${other.number} Invoice wrong again`).check();
    expect(await axeViolations(page)).toEqual([]);
    await merge.getByRole("button", { name: `Merge into #${other.number}` }).click();
    await page.getByRole("heading", { name: /Invoice wrong again/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/agent/tickets/${other.id}`);
    await page
      .getByRole("list", { name: "Linked tickets" })
      .getByRole("link", { name: `#${first.number}` })
      .waitFor();
    const merged = await agent.tickets.get.query({ ticketId: first.id });
    expect(merged.status).toBe("closed");
    expect(merged.mergedIntoId).toBe(other.id);
  });

  it("applies a macro with its placeholders filled, attaches files, mentions a colleague and lists the files", async () => {
    await app()
      .api("admin")
      .ticket.macros.create.mutate({
        name: "Ask for the invoice",
        body: "Hi {{requester.name}}, please send us the invoice for #{{ticket.number}}.",
        actions: { addTags: ["awaiting-invoice"] },
      });
    const ticket = await app().api("customerA").ticket.tickets.create.mutate({
      subject: "Refund not received",
      description: "The refund from last month never arrived.",
      category: "billing",
    });
    const page = await app().pageAs("agent", `/agent/tickets/${ticket.id}`);
    await page.getByRole("heading", { name: /Refund not received/ }).waitFor();

    const macros = page.getByRole("region", { name: "Macros" });
    await macros.getByLabel("Macro").selectOption({ label: "Ask for the invoice" });
    const text = `Hi Customer A, please send us the invoice for #${ticket.number}.`;
    await macros.getByRole("region", { name: "Macro preview" }).getByText(text).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await macros.getByRole("button", { name: "Apply macro" }).click();
    const thread = page.getByRole("list", { name: "Conversation" });
    await thread.getByText(text).waitFor();
    await page.getByRole("region", { name: "Tags" }).getByText("awaiting-invoice").waitFor();

    await page.getByRole("button", { name: "Internal note" }).click();
    const files = page.getByLabel("Attach files");
    await files.setInputFiles({
      name: "fake.png",
      mimeType: "image/png",
      buffer: Buffer.from("not really a picture"),
    });
    await page
      .getByRole("alert")
      .getByText(/fake\.png: .*not a valid image\/png/)
      .waitFor();
    await files.setInputFiles({
      name: "bank-statement.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("Refund 42.00 EUR pending\n"),
    });
    await page
      .getByRole("list", { name: "Attached to this message" })
      .getByText("bank-statement.txt")
      .waitFor();

    const note = page.getByLabel("Internal note (only staff will see this)");
    await note.fill("Checked with ");
    await note.press("End");
    await note.pressSequentially("@Adm");
    const mentions = page.getByRole("listbox", { name: "Mention someone" });
    await mentions.getByRole("option", { name: /Admin/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await note.press("Enter");
    await expect.poll(() => note.inputValue(), { timeout: 30_000 }).toBe("Checked with @admin ");
    await note.pressSequentially("about the bank statement.");
    await page.getByRole("button", { name: "Add note" }).click();

    const noteItem = thread.getByRole("listitem", { name: "Internal note by Agent" });
    await noteItem.getByRole("link", { name: "bank-statement.txt" }).waitFor();
    const comments = await app().api("agent").ticket.comments.list.query({ ticketId: ticket.id });
    const saved = comments.find((c) => c.visibility === "internal");
    expect(saved?.body).toBe("Checked with @admin about the bank statement.");
    expect(saved?.mentionedIds).toEqual([app().ws.ws.admin.userId]);
    expect(saved?.attachments.map((a) => a.filename)).toEqual(["bank-statement.txt"]);

    const listed = page.getByRole("region", { name: "Attachments (1)" });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      listed.getByRole("link", { name: "bank-statement.txt" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("bank-statement.txt");
    const path = await download.path();
    expect(await readFile(path, "utf8")).toBe("Refund 42.00 EUR pending\n");
  });
});
