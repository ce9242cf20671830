import { describe, expect, it } from "vitest";
import { uploadAttachment } from "../support/attachments.ts";
import { axeViolations } from "./support/browser.ts";
import { e2eApp, type Person } from "./support/app.ts";

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const pdf = Buffer.from("%PDF-1.4\n% steps to fix\n");

describe("files and the SLA countdown in the portal", () => {
  const app = e2eApp();

  /** Uploads as `who` the way the browser does, and returns the pending attachment's id. */
  const upload = async (
    who: Person,
    ticketId: string,
    filename: string,
    type: string,
    body: Buffer,
  ) => {
    const res = await uploadAttachment(app().gw.url, app().ws.sessions[who], {
      ticketId,
      filename,
      type,
      body,
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };

  it("attaches files to a new ticket and a reply, and lists only public ones with the countdown", async () => {
    const page = await app().pageAs("customerA", "/portal/new");
    await page.getByLabel("Subject").fill("Dashboard chart is blank");
    await page.getByLabel("Description").fill("Since Monday the revenue chart shows nothing.");
    await page.getByLabel("Priority").selectOption("high");
    const picker = page.getByLabel("Attachments");
    await picker.setInputFiles([
      { name: "screenshot.png", mimeType: "image/png", buffer: png },
      { name: "console.txt", mimeType: "text/plain", buffer: Buffer.from("TypeError: x is null") },
      { name: "unrelated.txt", mimeType: "text/plain", buffer: Buffer.from("oops") },
    ]);
    const chosen = page.getByRole("list", { name: "Files to attach" });
    await page.getByRole("button", { name: "Remove unrelated.txt" }).click();
    expect(await chosen.getByRole("listitem").count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Submit ticket" }).click();
    await page.getByText(/Ticket #\d+ was submitted/).waitFor();
    const ticketId = new URL(page.url()).pathname.split("/").pop() ?? "";

    const files = page.getByRole("list", { name: "Files in this ticket" });
    await files.waitFor();
    expect(await files.getByRole("link").allTextContents()).toEqual([
      "screenshot.png",
      "console.txt",
    ]);
    const href =
      (await files.getByRole("link", { name: "screenshot.png" }).getAttribute("href")) ?? "";
    const download = await page.request.get(href);
    expect(download.status()).toBe(200);
    expect(Buffer.from(await download.body()).equals(png)).toBe(true);

    // The SLA countdown: a high-priority ticket has a first reply and a resolution due.
    const expect_ = page.getByRole("region", { name: "What to expect" });
    expect(await expect_.getByRole("term").allTextContents()).toEqual([
      "First reply",
      "Resolution",
    ]);
    expect(await expect_.getByRole("definition").first().textContent()).toMatch(/^By .+\(in /);

    // Staff add a file in an internal note and one in a public reply.
    const agent = app().api("agent");
    const secret = await upload(
      "agent",
      ticketId,
      "internal-notes.txt",
      "text/plain",
      Buffer.from("vip"),
    );
    await agent.ticket.comments.add.mutate({
      ticketId,
      body: "Customer is on the old plan",
      visibility: "internal",
      attachmentIds: [secret],
    });
    const steps = await upload("agent", ticketId, "fix-steps.pdf", "application/pdf", pdf);
    await agent.ticket.comments.add.mutate({
      ticketId,
      body: "Try these steps.",
      attachmentIds: [steps],
    });
    await page.reload();
    await files.getByRole("link", { name: "fix-steps.pdf" }).waitFor();
    expect(await page.content()).not.toContain("internal-notes.txt");
    expect(await page.content()).not.toContain("Customer is on the old plan");
    // Answered: no first reply is due any more.
    await expect.poll(() => expect_.getByRole("term").allTextContents()).toEqual(["Resolution"]);
    // The note's file cannot be fetched by the customer either.
    expect((await page.request.get(`/api/ticket/attachments/${secret}`)).status()).toBe(404);

    // A reply with a file the service refuses says why and keeps the text.
    const reply = page.getByRole("form", { name: "Reply" });
    await reply.getByLabel("Your reply").fill("Here is the export that fails.");
    await reply.getByLabel("Attachments").setInputFiles({
      name: "tool.exe",
      mimeType: "application/x-msdownload",
      buffer: Buffer.from("MZ"),
    });
    await reply.getByRole("button", { name: "Send reply" }).click();
    await reply
      .getByRole("alert")
      .getByText(/tool\.exe: Files of type/)
      .waitFor();
    expect(await reply.getByLabel("Your reply").inputValue()).toBe(
      "Here is the export that fails.",
    );

    await reply.getByRole("button", { name: "Remove tool.exe" }).click();
    await reply.getByLabel("Attachments").setInputFiles({
      name: "export.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("month,revenue\n2026-10,100\n"),
    });
    await reply.getByRole("button", { name: "Send reply" }).click();
    await files.getByRole("link", { name: "export.csv" }).waitFor();
    expect(await reply.getByLabel("Your reply").inputValue()).toBe("");
    const thread = await app().api("agent").ticket.comments.list.query({ ticketId });
    const last = thread.at(-1);
    expect(last?.body).toBe("Here is the export that fails.");
    expect(last?.attachments.map((a) => a.filename)).toEqual(["export.csv"]);
    expect(await axeViolations(page)).toEqual([]);
  });
});
