import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import type { PayloadOf } from "@signpost/contracts";
import { buildEvent } from "@signpost/queue";
import { describeWithInfra } from "@signpost/testkit";
import { ticketSuite } from "../testing/ticket-suite.ts";

describeWithInfra("inbound mail on Postgres and Redis", (infra) => {
  const suite = ticketSuite(infra);
  const { ws } = suite;

  const mail = (p: Partial<PayloadOf<"mail.received">>) =>
    buildEvent("mail.received", {
      workspaceId: ws.workspaceId,
      orgId: null,
      payload: {
        messageId: `<${randomUUID()}@mail.example.com>`,
        from: { email: "customer.a@example.com", name: "Customer A" },
        senderId: ws.customerA.userId,
        subject: "Re: [#1001] Printer",
        text: "Thanks, that worked.",
        ticketNumber: null,
        attachments: [],
        ...p,
      },
    });

  const open = () =>
    suite.h.as(ws.customerA).tickets.create.mutate({
      subject: "Printer offline",
      description: "It says offline.",
    });

  it("adds a reply to the ticket it answers, once per Message-ID, and reopens a resolved ticket", async () => {
    const t = await open();
    await suite.h.as(ws.agent).comments.add.mutate({ ticketId: t.id, body: "Restart it please." });
    await suite.h.as(ws.agent).tickets.resolve.mutate({ ticketId: t.id });
    const first = mail({ ticketNumber: t.number, text: "Still offline after a restart." });
    await suite.h.deliverAndWait(first);
    // The same mail again, as a new event (a re-sent webhook): still one comment.
    await suite.h.deliverAndWait(mail({ ...first.payload }));
    const thread = await suite.h.as(ws.agent).comments.list.query({ ticketId: t.id });
    expect(thread.map((c) => [c.body, c.viaEmail])).toEqual([
      ["Restart it please.", false],
      ["Still offline after a restart.", true],
    ]);
    expect((await suite.h.as(ws.agent).tickets.get.query({ ticketId: t.id })).status).toBe("open");
    const commented = (await suite.h.events("ticket.commented", t.id)).at(-1);
    expect(commented?.payload).toMatchObject({
      inboundMessageId: first.payload.messageId,
      visibility: "public",
      authorId: ws.customerA.userId,
    });
    expect(await suite.h.events("ticket.reopened", t.id)).toHaveLength(1);
  });

  it("opens a new email ticket for a mail that answers nothing it may see", async () => {
    const theirs = await suite.h.as(ws.customerB).tickets.create.mutate({
      subject: "Org B secret",
      description: "Not for org A.",
    });
    const fresh = mail({
      subject: "New laptop will not boot",
      text: "Black screen.",
      ticketNumber: theirs.number,
    });
    await suite.h.deliverAndWait(fresh);
    // Nothing was added to the other organization's ticket.
    expect(await suite.h.as(ws.agent).comments.list.query({ ticketId: theirs.id })).toEqual([]);
    const page = await suite.h
      .as(ws.agent)
      .tickets.search.query({ filters: { text: "laptop boot" } });
    expect(page.tickets).toHaveLength(1);
    const created = page.tickets[0]!;
    expect(created).toMatchObject({
      source: "email",
      requesterId: ws.customerA.userId,
      orgId: ws.orgA,
      subject: "New laptop will not boot",
      description: "Black screen.",
    });
    const [event] = await suite.h.events("ticket.created", created.id);
    expect(event?.payload).toMatchObject({
      source: "email",
      inboundMessageId: fresh.payload.messageId,
    });
    // The same Message-ID again opens nothing more.
    await suite.h.deliverAndWait(mail({ ...fresh.payload }));
    expect(
      (await suite.h.as(ws.agent).tickets.search.query({ filters: { text: "laptop boot" } }))
        .tickets,
    ).toHaveLength(1);
  });

  it("follows up on a closed ticket with a new ticket", async () => {
    const t = await open();
    await suite.h.as(ws.agent).tickets.close.mutate({ ticketId: t.id });
    await suite.h.deliverAndWait(
      mail({
        ticketNumber: t.number,
        subject: "Re: closed one",
        text: "One more thing about the toner.",
      }),
    );
    expect(await suite.h.as(ws.agent).comments.list.query({ ticketId: t.id })).toEqual([]);
    expect(
      (await suite.h.as(ws.agent).tickets.search.query({ filters: { text: "toner" } })).tickets,
    ).toHaveLength(1);
  });

  it("refuses mail from unknown senders and keeps attachments that pass the checks", async () => {
    const before = (await suite.h.as(ws.agent).tickets.search.query({ limit: 100 })).tickets.length;
    await suite.h.deliverAndWait(mail({ senderId: null, subject: "Spam offer", text: "Buy now" }));
    await suite.h.deliverAndWait(
      mail({ senderId: randomUUID(), subject: "Stranger", text: "Who am I" }),
    );
    expect((await suite.h.as(ws.agent).tickets.search.query({ limit: 100 })).tickets).toHaveLength(
      before,
    );

    const t = await open();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    await suite.h.deliverAndWait(
      mail({
        ticketNumber: t.number,
        text: "Photo attached.",
        attachments: [
          {
            filename: "photo.png",
            contentType: "image/png",
            size: png.length,
            contentBase64: png.toString("base64"),
          },
          {
            filename: "evil.png",
            contentType: "image/png",
            size: 2,
            contentBase64: Buffer.from("MZ").toString("base64"),
          },
        ],
      }),
    );
    const [c] = await suite.h.as(ws.customerA).comments.list.query({ ticketId: t.id });
    expect(c?.attachments.map((a) => a.filename)).toEqual(["photo.png"]);
    const res = await suite.h.http(ws.customerA, c!.attachments[0]!.url.replace("/api/ticket", ""));
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
  });
});
