import { afterAll, beforeAll, expect, it } from "vitest";
import { startGateway, type RunningGateway } from "@signpost/gateway";
import type { TAttachment } from "@signpost/contracts";
import { describeWithInfra } from "@signpost/testkit";
import { uploadAttachment } from "../support/attachments.ts";
import { clientsFor, signedInWorkspace } from "../support/clients.ts";
import { postgresMode, testGatewayEnv, type RunMode } from "../support/run-modes.ts";

/** Attachments bigger than the gateway's 1 MiB body cap stream through it to the ticket service. */
describeWithInfra("attachments through the gateway", (infra) => {
  let gw: RunningGateway;
  let mode: RunMode;
  let signed: Awaited<ReturnType<typeof signedInWorkspace>>;

  beforeAll(async () => {
    mode = await postgresMode(infra);
    gw = await startGateway(testGatewayEnv(mode.env));
    signed = await signedInWorkspace(gw);
  });
  afterAll(async () => {
    await gw?.stop();
    await mode?.cleanup();
  });

  it("uploads a 3 MiB file as a signed-in customer and serves it back to staff", async () => {
    const customer = signed.sessions.customerA;
    const ticket = await clientsFor(gw.url, customer).ticket.tickets.create.mutate({
      subject: "Crash dump attached",
      description: "The app crashed; the dump is attached.",
    });
    const file = Buffer.alloc(3 * 1024 * 1024, 1);
    Buffer.from("%PDF-1.7").copy(file);
    const res = await uploadAttachment(gw.url, customer, {
      ticketId: ticket.id,
      filename: "dump.pdf",
      type: "application/pdf",
      body: file,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const attachment = (await res.json()) as TAttachment;
    expect(attachment.size).toBe(file.length);
    await clientsFor(gw.url, customer).ticket.comments.add.mutate({
      ticketId: ticket.id,
      body: "Dump attached",
      attachmentIds: [attachment.id],
    });
    const agent = signed.sessions.agent;
    const got = await fetch(`${gw.url}${attachment.url}`, { headers: { cookie: agent.cookie } });
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(file)).toBe(true);
    // Without the CSRF token a cookie-authenticated upload is refused like any other write.
    const forged = await fetch(
      `${gw.url}/api/ticket/attachments?ticketId=${ticket.id}&filename=x.pdf`,
      {
        method: "POST",
        headers: { cookie: customer.cookie, "content-type": "application/pdf" },
        body: file.subarray(0, 100),
      },
    );
    expect(forged.status).toBe(403);
    // The 1 MiB cap still holds for everything else.
    const big = await fetch(`${gw.url}/api/ticket/trpc/tickets.create`, {
      method: "POST",
      headers: {
        cookie: customer.cookie,
        "x-csrf-token": customer.csrf,
        "content-type": "application/json",
      },
      body: JSON.stringify({ subject: "Big", description: "x".repeat(2 * 1024 * 1024) }),
    });
    expect(big.status).toBe(413);
  });
});
