import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventOf, TIdentity, TInboundResult } from "@signpost/contracts";
import { describeWithInfra, waitFor } from "@signpost/testkit";
import { startHarness, ticketHeader, type Harness, type Mode } from "./harness.ts";
import { startSmtpSink } from "@signpost/testkit/smtp-sink";

/** A raw mail as a provider's inbound webhook would post it. */
function rawMail(h: {
  from: string;
  subject: string;
  messageId: string;
  body: string;
  extra?: string[];
}) {
  return [
    `From: Ann Customer <${h.from}>`,
    "To: support@desk.test",
    `Subject: ${h.subject}`,
    `Message-ID: ${h.messageId}`,
    "Date: Tue, 24 Nov 2026 10:00:00 +0000",
    ...(h.extra ?? []),
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "",
    h.body,
  ].join("\r\n");
}

function mailInSuite(name: string, mode: () => Mode) {
  describe(`inbound mail (${name})`, () => {
    let h: Harness;
    let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
    const post = async (who: TIdentity | null, raw: string) => {
      const res = await h.service.app.fetch(
        new Request("http://notification/inbound/mail", {
          method: "POST",
          headers: {
            "content-type": "message/rfc822",
            ...(who ? { authorization: `Bearer ${await h.sign(who)}` } : {}),
          },
          body: raw,
        }),
      );
      return { status: res.status, body: (await res.json()) as TInboundResult };
    };
    const received = () =>
      h.toTicket.filter((e): e is EventOf<"mail.received"> => e.type === "mail.received");

    beforeAll(async () => {
      smtp = await startSmtpSink();
      h = await startHarness(mode(), { smtpUrl: smtp.url });
      await h.seedDirectory();
    });
    afterAll(async () => {
      await h?.stop();
      await smtp?.close();
    });

    it("matches a reply to its ticket by our thread id, strips the history, and emits mail.received once", async () => {
      const t = ticketHeader(h);
      await h.publish(
        h.event(
          "ticket.created",
          { ...t, priority: "low", category: "general", source: "portal", inboundMessageId: null },
          h.ws.orgA,
        ),
      );
      const ack = await waitFor(
        "the acknowledgement",
        async () => smtp.to(h.people.customerA.email)[0],
      );
      const raw = rawMail({
        from: h.people.customerA.email,
        subject: `Re: ${ack.subject}`.replace(/\[#\d+\]/, ""), // even without the number
        messageId: "<reply-1@customer-a.test>",
        extra: [`In-Reply-To: ${ack.messageId}`, `References: ${ack.messageId}`],
        body: [
          "Unplugging it worked, thanks!",
          "",
          "-- ",
          "Ann, Customer A Corp",
          "",
          `On Tue, 24 Nov 2026 at 09:00, Support <support@desk.test> wrote:`,
          "> ##- Please type your reply above this line -##",
          "> Please unplug it",
        ].join("\r\n"),
      });
      const first = await post(h.people.admin, raw);
      expect(first).toMatchObject({
        status: 202,
        body: { accepted: true, ticketNumber: t.number },
      });
      const [event] = await waitFor("mail.received", async () =>
        received().length ? received() : undefined,
      );
      expect(event?.payload).toMatchObject({
        messageId: "<reply-1@customer-a.test>",
        from: { email: h.people.customerA.email },
        senderId: h.people.customerA.userId,
        ticketNumber: t.number,
        text: "Unplugging it worked, thanks!",
        attachments: [],
      });
      expect(event?.orgId).toBe(h.ws.orgA);

      // The same mail again (a provider retrying its webhook) is one event.
      expect((await post(h.people.admin, raw)).body).toMatchObject({
        accepted: false,
        reason: "duplicate",
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(received()).toHaveLength(1);
    });

    it("matches by [#number] in the subject, and leaves senders the directory does not know unnamed", async () => {
      const before = received().length;
      const res = await post(
        h.people.admin,
        rawMail({
          from: "stranger@elsewhere.test",
          subject: "About [#4242] again",
          messageId: "<s-1@elsewhere.test>",
          body: "Any news?",
        }),
      );
      expect(res.body).toMatchObject({ accepted: true, ticketNumber: 4242 });
      const e = await waitFor("the event", async () => received()[before]);
      expect(e.payload).toMatchObject({ senderId: null, ticketNumber: 4242, text: "Any news?" });
    });

    it("refuses unknown senders when the workspace says so", async () => {
      const admin = h.clientFor(h.people.admin);
      expect((await admin.mail.settings.query()).unknownSenders).toBe("accept");
      await admin.mail.updateSettings.mutate({ unknownSenders: "refuse" });
      try {
        const stranger = await post(
          h.people.admin,
          rawMail({
            from: "nobody@elsewhere.test",
            subject: "Hi",
            messageId: "<u-1@elsewhere.test>",
            body: "Hi",
          }),
        );
        expect(stranger.body).toMatchObject({ accepted: false, reason: "unknown_sender" });
        const known = await post(
          h.people.admin,
          rawMail({
            from: h.people.customerA.email,
            subject: "Hi",
            messageId: "<u-2@customer-a.test>",
            body: "Hi",
          }),
        );
        expect(known.body).toMatchObject({ accepted: true });
      } finally {
        await admin.mail.updateSettings.mutate({ unknownSenders: "accept" });
      }
    });

    it("ignores auto-replies, bounces and our own mails", async () => {
      const cases: [string, string[], string][] = [
        ["<ooo-1@customer-a.test>", ["Auto-Submitted: auto-replied"], "auto_reply"],
        ["<bulk-1@customer-a.test>", ["Precedence: bulk"], "auto_reply"],
        ["<list-1@customer-a.test>", ["Precedence: list"], "auto_reply"],
        ["<mail.0b0e2f7a-3c41-4d4f-9d0c-8f1f1f1f1f1f@desk.test>", [], "own_mail"],
      ];
      for (const [messageId, extra, reason] of cases) {
        const res = await post(
          h.people.admin,
          rawMail({
            from: h.people.customerA.email,
            subject: "Out of office",
            messageId,
            extra,
            body: "Away",
          }),
        );
        expect(res.body, messageId).toMatchObject({ accepted: false, reason });
      }
      const bounce = await post(
        h.people.admin,
        rawMail({
          from: "MAILER-DAEMON@mx.customer-a.test",
          subject: "Undelivered Mail Returned to Sender",
          messageId: "<b-1@mx.test>",
          body: "gone",
        }),
      );
      expect(bounce.body).toMatchObject({ accepted: false, reason: "bounce" });
      await new Promise((r) => setTimeout(r, 300));
      // Compared by id: an earlier test's event may still be arriving, which is not a leak.
      const ignored = [...cases.map(([id]) => id), "<b-1@mx.test>"];
      expect(received().filter((e) => ignored.includes(e.payload.messageId))).toEqual([]);
    });

    it("takes mail only from an admin's credentials", async () => {
      const raw = rawMail({
        from: "x@y.test",
        subject: "hi",
        messageId: "<auth-1@y.test>",
        body: "hi",
      });
      expect((await post(null, raw)).status).toBe(401);
      expect((await post(h.people.agent, raw)).status).toBe(403);
      expect((await post(h.people.customerA, raw)).status).toBe(403);
    });
  });
}

mailInSuite("PGlite, embedded queue", () => ({ kind: "pglite" }));

describeWithInfra("on real infrastructure", (infra) => {
  mailInSuite("Postgres, BullMQ", () => ({ kind: "postgres", infra }));
});
