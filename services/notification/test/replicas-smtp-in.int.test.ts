import nodemailer from "nodemailer";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { EventOf } from "@signpost/contracts";
import { createPgDb } from "@signpost/db";
import { createBullmqTransport } from "@signpost/queue";
import { createLogger, identityVerifier } from "@signpost/service-kit";
import { describeWithInfra, uniqueSuffix, waitFor } from "@signpost/testkit";
import { createNotificationService } from "../src/service.ts";
import { startHarness, ticketHeader, type Harness } from "./harness.ts";
import { sseReader } from "./sse-reader.ts";

describeWithInfra("several replicas and the SMTP listener", (infra) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(
      { kind: "postgres", infra },
      { inboundSmtp: { port: 0, host: "127.0.0.1" } },
    );
    await h.seedDirectory();
  });
  afterAll(async () => h?.stop());

  it("streams to a person connected to a replica other than the one that handled the event", async () => {
    // An HTTP-only replica on the same database: it consumes nothing itself.
    const { rows } = await h.db.query<{ url: string }>(`select current_database() as url`);
    const url = new URL(infra.databaseUrl);
    url.pathname = `/${rows[0]!.url}`;
    const db = createPgDb({ url: url.toString() });
    const transport = createBullmqTransport({
      redisUrl: infra.redisUrl,
      prefix: `r${uniqueSuffix()}`,
    });
    const keys = await h.publicKey();
    const replica = createNotificationService(
      {
        db,
        transport,
        logger: createLogger("replica", "silent"),
        verifyIdentity: await identityVerifier(keys),
        roles: { relay: false, consumers: false },
      },
      { mailFrom: "support@desk.test", publicUrl: "http://desk.test", livePollMs: 50 },
    );
    replica.start();
    try {
      const res = await replica.app.fetch(
        new Request("http://replica/live/stream", {
          headers: { authorization: `Bearer ${await h.sign(h.people.agent)}` },
        }),
      );
      const stream = sseReader(res);
      const t = ticketHeader(h, { groupId: h.groupId });
      await h.publish(
        h.event(
          "ticket.created",
          { ...t, priority: "urgent", category: "general", source: "api", inboundMessageId: null },
          h.ws.orgA,
        ),
      );
      await waitFor("the item on the other replica", async () =>
        stream.events.find((e) => e.event === "notification" && e.data.includes(t.ticketId)),
      );
      await stream.close();
    } finally {
      await replica.stop();
      await transport.close();
      await db.close();
    }
  });

  it("accepts mail over SMTP for a workspace's support address only", async () => {
    const admin = h.clientFor(h.people.admin);
    await admin.mail.updateSettings.mutate({
      supportAddress: `help-${uniqueSuffix()}@desk.test`,
      fromName: "Desk",
    });
    const { supportAddress } = await admin.mail.settings.query();
    const port = await waitFor(
      "the listener",
      async () => h.service.inboundSmtpPort() ?? undefined,
    );
    const sender = nodemailer.createTransport({
      host: "127.0.0.1",
      port,
      secure: false,
      ignoreTLS: true,
    });
    try {
      await sender.sendMail({
        from: `Ann <${h.people.customerA.email}>`,
        to: supportAddress!,
        subject: "My printer",
        text: "It smokes.",
        messageId: "<smtp-in-1@customer-a.test>",
        attachments: [{ filename: "photo.txt", content: "smoke" }],
      });
      const e = await waitFor("mail.received", async () =>
        h.toTicket.find(
          (x): x is EventOf<"mail.received"> =>
            x.type === "mail.received" && x.payload.messageId === "<smtp-in-1@customer-a.test>",
        ),
      );
      expect(e.payload).toMatchObject({
        senderId: h.people.customerA.userId,
        ticketNumber: null,
        text: "It smokes.",
        attachments: [
          {
            filename: "photo.txt",
            size: 5,
            contentBase64: Buffer.from("smoke").toString("base64"),
          },
        ],
      });
      await expect(
        sender.sendMail({
          from: h.people.customerA.email,
          to: "nobody@desk.test",
          subject: "x",
          text: "x",
        }),
      ).rejects.toThrow(/550|No such mailbox/);
    } finally {
      sender.close();
    }
  });
});
