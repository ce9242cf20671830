import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventQueueOf } from "@signpost/contracts";
import { describeWithInfra, waitFor } from "@signpost/testkit";
import { sendDigestJob } from "../src/mail-out/digest.ts";
import { redactedBody } from "../src/mail-out/templates.ts";
import { commentEvent, startHarness, ticketHeader, type Harness, type Mode } from "./harness.ts";
import { startSmtpSink } from "@signpost/testkit/smtp-sink";

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: { data?: { code?: string } }) => e.data?.code ?? "?",
  );

function mailOutSuite(name: string, mode: () => Mode) {
  describe(`notifications and mail (${name})`, () => {
    let h: Harness;
    let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    /** A ticket of customer A's moving out of `open`, by an agent unless `actorId` says. */
    const statusChanged = (
      t: ReturnType<typeof ticketHeader>,
      to: "in_progress" | "waiting_on_customer" | "resolved",
      actorId: string | null = h.people.agent.userId,
    ) =>
      h.event(
        "ticket.status_changed",
        { ...t, actorId, from: { key: "open", kind: "open" }, to: { key: to, kind: to } },
        h.ws.orgA,
      );

    beforeAll(async () => {
      smtp = await startSmtpSink();
      h = await startHarness(mode(), { smtpUrl: smtp.url });
      await h.seedDirectory();
    });
    afterAll(async () => {
      await h?.stop();
      await smtp?.close();
    });

    it("tells the ticket's group, and acknowledges to the requester as the root of a mail thread", async () => {
      const t = ticketHeader(h, { groupId: h.groupId });
      await h.publish(
        h.event(
          "ticket.created",
          {
            ...t,
            priority: "high",
            category: "general",
            source: "email",
            inboundMessageId: "<orig-1@customer-a.test>",
          },
          h.ws.orgA,
        ),
      );
      const agent = h.clientFor(h.people.agent);
      const items = await waitFor("the group's notification", async () => {
        const l = await agent.notifications.list.query();
        return l.length ? l : undefined;
      });
      expect(items[0]).toMatchObject({
        kind: "ticket.created",
        ticketId: t.ticketId,
        ticketNumber: t.number,
        read: false,
      });
      expect(await h.clientFor(h.people.agent2).notifications.list.query()).toHaveLength(1);
      // Not in the group, and the group was given: the admin-agent is not told.
      expect(await h.clientFor(h.people.admin).notifications.list.query()).toEqual([]);
      expect(await h.clientFor(h.people.customerB).notifications.list.query()).toEqual([]);

      const [ack] = await waitFor("the acknowledgement", async () => {
        const m = smtp.to(h.people.customerA.email);
        return m.length ? m : undefined;
      });
      expect(ack?.subject).toBe(`[#${t.number}] Printer <b>on fire</b>`);
      expect(ack?.messageId).toBe(`<ticket.${t.ticketId}@desk.test>`);
      expect(ack?.inReplyTo).toBe("<orig-1@customer-a.test>");
      expect(ack?.headers.get("auto-submitted")).toBe("auto-generated");
      expect(ack?.html).toContain("Printer &lt;b&gt;on fire&lt;/b&gt;");
      expect(ack?.html).not.toContain("<b>on fire</b>");
      expect(ack?.text).toContain("Please type your reply above this line");

      // A public reply threads under the root; an internal note reaches only the mentioned agent.
      await h.publish(
        commentEvent(h, t, { body: "Please unplug it <script>alert(1)</script>" }),
        commentEvent(h, t, {
          visibility: "internal",
          body: null,
          mentionedIds: [h.people.agent2.userId, h.people.customerA.userId],
        }),
      );
      const reply = await waitFor(
        "the reply mail",
        async () => smtp.to(h.people.customerA.email)[1],
      );
      expect(reply.subject).toBe(`[#${t.number}] Printer <b>on fire</b>`);
      expect(reply.inReplyTo).toBe(`<ticket.${t.ticketId}@desk.test>`);
      expect(reply.references).toEqual([
        "<orig-1@customer-a.test>",
        `<ticket.${t.ticketId}@desk.test>`,
      ]);
      expect(reply.html).toContain("&lt;script&gt;");
      expect(reply.html).not.toContain("<script>");
      const mention = await waitFor(
        "the mention mail",
        async () => smtp.to(h.people.agent2.email)[0],
      );
      expect(mention.subject).toContain("You were mentioned");
      expect(mention.text).toContain("an internal note");
      await sleep(300);
      // The customer got the acknowledgement and the public reply: nothing about the note.
      expect(smtp.to(h.people.customerA.email)).toHaveLength(2);
      const mine = await h.clientFor(h.people.customerA).notifications.list.query();
      expect(mine.map((n) => n.kind)).toEqual(["ticket.replied"]);
      expect(mine[0]?.body).toContain("Please unplug it");
      const agent2Items = await h.clientFor(h.people.agent2).notifications.list.query();
      expect(agent2Items.find((n) => n.kind === "mention")?.body).toBeNull();
    });

    it("threads the mails of events handled together, written in one transaction", async () => {
      const t = ticketHeader(h);
      const comment = () => commentEvent(h, t, { body: "Try turning it off and on again" });
      await h.publish(
        h.event(
          "ticket.created",
          {
            ...t,
            priority: "low",
            category: "general",
            source: "email",
            inboundMessageId: "<orig-batch@customer-a.test>",
          },
          h.ws.orgA,
        ),
        comment(),
        comment(),
      );
      const subject = `[#${t.number}]`;
      const mails = await waitFor("the three mails", async () => {
        const m = smtp.to(h.people.customerA.email).filter((x) => x.subject?.startsWith(subject));
        return m.length === 3 ? m : undefined;
      });
      const root = `<ticket.${t.ticketId}@desk.test>`;
      const ack = mails.find((m) => m.messageId === root);
      expect(ack?.inReplyTo).toBe("<orig-batch@customer-a.test>");
      // One reference reads back as a string, several as a list.
      expect([ack?.references].flat()).toEqual(["<orig-batch@customer-a.test>"]);
      const replies = mails.filter((m) => m.messageId !== root);
      expect(replies).toHaveLength(2);
      for (const r of replies) {
        expect(r.inReplyTo).toBe(root);
        expect(r.references).toEqual(["<orig-batch@customer-a.test>", root]);
      }
      // One thread, and one transaction wrote the three mails (`now()` is the transaction's start).
      const { rows } = await h.db.query<{ txs: number; threads: number }>(
        `select (select count(distinct created_at) from notification.mail_messages
                  where ticket_id = $1)::int as txs,
                (select count(*) from notification.mail_threads where ticket_id = $1)::int as threads`,
        [t.ticketId],
      );
      expect(rows[0]).toEqual({ txs: 1, threads: 1 });
    });

    it("sends nothing twice when an event is redelivered, even past the inbox", async () => {
      const t = ticketHeader(h);
      const [e] = await h.publish(statusChanged(t, "waiting_on_customer"));
      const subject = `[#${t.number}]`;
      const count = () =>
        smtp.to(h.people.customerA.email).filter((m) => m.subject?.startsWith(subject)).length;
      await waitFor("the status mail", async () => count() === 1);
      // The queue delivers it again (a new job), then again with the inbox record gone: the
      // sent-mail ledger still holds.
      await h.transport.enqueue(eventQueueOf("notification"), {
        id: `${e!.id}-again`,
        name: e!.type,
        data: e,
      });
      await sleep(300);
      await h.db.query(`delete from notification.inbox where event_id = $1`, [e!.id]);
      await h.transport.enqueue(eventQueueOf("notification"), {
        id: `${e!.id}-third`,
        name: e!.type,
        data: e,
      });
      await waitFor("the third delivery to be handled", async () => {
        const { rows } = await h.db.query(`select 1 from notification.inbox where event_id = $1`, [
          e!.id,
        ]);
        return rows.length === 1;
      });
      await h.service.flushPending();
      await sleep(500);
      expect(count()).toBe(1);
      const items = await h.clientFor(h.people.customerA).notifications.list.query();
      expect(items.filter((n) => n.ticketId === t.ticketId)).toHaveLength(1);
    });

    it("retries when SMTP fails and delivers once it recovers; dead letters are for admins", async () => {
      smtp.failNext(2);
      const t = ticketHeader(h);
      await h.publish(statusChanged(t, "resolved"));
      const mail = await waitFor("the CSAT request after two refusals", async () =>
        smtp
          .to(h.people.customerA.email)
          .find((m) => m.subject?.startsWith(`[#${t.number}] Resolved`)),
      );
      expect(mail.text).toContain("?rate=1");
      const admin = h.clientFor(h.people.admin);
      const sent = await waitFor("the mail recorded as sent", async () => {
        const m = (await admin.mail.mailbox.query({ limit: 50 })).find(
          (x) => x.ticketNumber === t.number,
        );
        return m?.status === "sent" ? m : undefined;
      });
      // Two refusals (or more, when another mail in flight met one of them), then sent.
      expect(sent).toMatchObject({ status: "sent", template: "csatRequest" });
      expect(sent?.attempts).toBeGreaterThanOrEqual(2);
      expect(sent?.lastError).toBeNull();

      smtp.failNext(100);
      const t2 = ticketHeader(h);
      await h.publish(statusChanged(t2, "in_progress", null));
      const dead = await waitFor("the dead letter", async () =>
        (await admin.mail.deadLetters.query()).find((m) => m.ticketNumber === t2.number),
      );
      expect(dead.attempts).toBe(4);
      expect(dead.lastError).toMatch(/try later/);
      expect(await codeOf(h.clientFor(h.people.agent).mail.deadLetters.query())).toBe("FORBIDDEN");
      smtp.failNext(0);
      await admin.mail.retry.mutate({ mailId: dead.id });
      await waitFor("the retried mail", async () =>
        smtp.to(h.people.customerA.email).find((m) => m.subject?.startsWith(`[#${t2.number}]`)),
      );
      expect(
        smtp.to(h.people.customerA.email).filter((m) => m.subject?.startsWith(`[#${t2.number}]`)),
      ).toHaveLength(1);
    });

    it("sends a burst's mails together: each once, a refused one again alone, a held one after its lease", async () => {
      smtp.failNext(1);
      const base = 20_000 + 10 * Math.floor(Math.random() * 10_000);
      const tickets = Array.from({ length: 6 }, (_, i) => ({
        ...ticketHeader(h),
        number: base + i,
      }));
      await h.publish(...tickets.map((t) => statusChanged(t, "waiting_on_customer")));
      const received = (number: number) =>
        smtp.to(h.people.customerA.email).filter((m) => m.subject?.startsWith(`[#${number}]`));
      await waitFor("every mail of the burst", async () =>
        tickets.every((t) => received(t.number).length > 0),
      );
      const rowsOf = async () =>
        (
          await h.db.query<{ id: string; ticket_number: number; status: string; attempts: number }>(
            `select id, ticket_number, status, attempts from notification.mail_messages
              where ticket_number >= $1 and ticket_number < $2 order by ticket_number`,
            [base, base + 6],
          )
        ).rows;
      const rows = await waitFor("the burst recorded as sent", async () => {
        const r = await rowsOf();
        return r.length === 6 && r.every((m) => m.status === "sent") ? r : undefined;
      });
      await sleep(300);
      for (const t of tickets) expect(received(t.number)).toHaveLength(1);
      // One of them was refused once and went again: seven tries for six mails.
      expect(rows.reduce((n, m) => n + m.attempts, 0)).toBe(7);

      // A mail held by a sender that died mid-send, in a job with one already sent: the sent one
      // is not sent again, the held one goes once its lease is out.
      const [held, sent] = rows;
      await h.db.query(
        `update notification.mail_messages
            set status = 'sending', claimed_until = now() + interval '1 second' where id = $1`,
        [held!.id],
      );
      await h.transport.enqueue("notification.mail", {
        id: `again.${held!.id}`,
        name: "notification.mail",
        data: { ids: [held!.id, sent!.id] },
      });
      await waitFor("the held mail, once its lease ran out", async () =>
        received(held!.ticket_number).length === 2 ? true : undefined,
      );
      await sleep(300);
      expect(received(sent!.ticket_number)).toHaveLength(1);
      expect(received(held!.ticket_number)).toHaveLength(2);
    });

    it("sends again a mail whose job was lost: queued or held long after it went on the queue", async () => {
      const base = 40_000 + 10 * Math.floor(Math.random() * 10_000);
      const tickets = [0, 1].map((i) => ({ ...ticketHeader(h), number: base + i }));
      await h.publish(...tickets.map((t) => statusChanged(t, "waiting_on_customer")));
      const received = (number: number) =>
        smtp.to(h.people.customerA.email).filter((m) => m.subject?.startsWith(`[#${number}]`));
      await waitFor("both mails", async () => tickets.every((t) => received(t.number).length));
      // As if their jobs had gone with a queue that lost its data: one back to queued twenty
      // minutes after it was put on the queue, the other held by a sender gone as long.
      // One transaction, so no relay pass sees the queued one as new in between.
      await h.db.transaction(async (tx) => {
        await tx.query(
          `update notification.mail_messages
              set status = case when ticket_number = $1 then 'queued' else 'sending' end,
                  claimed_until = now() - interval '20 minutes'
            where ticket_number in ($1, $2)`,
          [base, base + 1],
        );
        await tx.query(
          `update notification.mail_queue q set enqueued_at = now() - interval '20 minutes'
             from notification.mail_messages m
            where m.id = q.mail_id and m.ticket_number in ($1, $2)`,
          [base, base + 1],
        );
      });
      await h.service.flushPending();
      await waitFor("both mails again", async () =>
        tickets.every((t) => received(t.number).length === 2),
      );
      await sleep(300);
      for (const t of tickets) expect(received(t.number)).toHaveLength(2);
    });

    it("mails invitations and password resets, and keeps their single-use links from everyone else", async () => {
      const link = `http://desk.test/accept?token=${crypto.randomUUID()}`;
      const reset = `http://desk.test/reset-password?token=${crypto.randomUUID()}`;
      await h.publish(
        h.event("identity.invitation.created", {
          invitationId: crypto.randomUUID(),
          email: "newbie@desk.test",
          workspaceName: "Desk <Co>",
          invitedByName: "Admin",
          link,
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        }),
        h.event("identity.password_reset.requested", {
          userId: h.people.agent.userId,
          email: h.people.agent.email,
          name: "Agent",
          link: reset,
          expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        }),
      );
      const invite = await waitFor("the invitation", async () => smtp.to("newbie@desk.test")[0]);
      expect(invite.subject).toBe("Admin invited you to Desk <Co> on Signpost");
      expect(invite.text).toContain(link);
      expect(invite.html).toContain("Desk &lt;Co&gt;");
      const resetMail = await waitFor("the reset mail", async () =>
        smtp.to(h.people.agent.email).find((m) => m.subject === "Reset your Signpost password"),
      );
      expect(resetMail.text).toContain(reset);
      const listed = await h.clientFor(h.people.admin).mail.mailbox.query({ limit: 200 });
      const shown = JSON.stringify(listed);
      expect(shown).not.toContain(link);
      expect(shown).not.toContain(reset);
      // Once sent, the stored mail no longer holds the link either.
      await waitFor("the stored link to be withheld", async () => {
        const { rows } = await h.db.query(
          `select 1 from notification.mail_messages
            where text_body like '%' || $1 || '%' or html_body like '%' || $1 || '%'`,
          [link.split("=")[1]],
        );
        return rows.length === 0;
      });
    });

    it("follows each person's preferences, counts unread and marks read", async () => {
      const customer = h.clientFor(h.people.customerA);
      const prefs = await customer.preferences.update.mutate({
        kinds: [{ kind: "ticket.replied", inApp: true, email: false }],
      });
      expect(prefs.kinds.find((k) => k.kind === "ticket.replied")).toEqual({
        kind: "ticket.replied",
        inApp: true,
        email: false,
      });
      await h.clientFor(h.people.agent2).preferences.update.mutate({ digest: "hourly" });
      const t = ticketHeader(h);
      const before = smtp.to(h.people.customerA.email).length;
      await h.publish(
        h.event(
          "ticket.commented",
          {
            ...t,
            commentId: crypto.randomUUID(),
            authorId: h.people.agent.userId,
            authorIsStaff: true,
            visibility: "public",
            body: "Quiet reply",
            mentionedIds: [h.people.agent2.userId],
            attachmentCount: 0,
            inboundMessageId: null,
          },
          h.ws.orgA,
        ),
      );
      await waitFor("the in-app reply", async () =>
        (await customer.notifications.list.query()).find((n) => n.ticketId === t.ticketId),
      );
      const unread = await customer.notifications.unreadCount.query();
      expect(unread.unread).toBeGreaterThanOrEqual(2);
      const { rows } = await h.db.query<{ status: string }>(
        `select status from notification.mail_messages where ticket_id = $1 and recipient_id = $2`,
        [t.ticketId, h.people.agent2.userId],
      );
      expect(rows).toEqual([{ status: "held" }]); // in agent2's hourly digest
      // The digest's own job, run now instead of at the top of the hour, sends one mail, once.
      const { rows: digests } = await h.db.query<{ key: string }>(
        `select key from notification.digests where user_id = $1`,
        [h.people.agent2.userId],
      );
      const digestJob = sendDigestJob({
        db: h.db,
        mail: { domain: "desk.test", publicUrl: "http://desk.test" },
      });
      for (let attempt = 1; attempt <= 2; attempt++) {
        await digestJob({ id: "digest", name: "digest", data: { id: digests[0]!.key }, attempt });
      }
      await h.service.flushPending();
      const digest = await waitFor("the digest mail", async () =>
        smtp.to(h.people.agent2.email).find((m) => m.subject?.startsWith("Signpost digest")),
      );
      expect(digest.subject).toBe("Signpost digest: 1 update");
      expect(digest.text).toContain(`[#${t.number}]`);
      await sleep(300);
      expect(
        smtp.to(h.people.agent2.email).filter((m) => m.subject?.startsWith("Signpost digest")),
      ).toHaveLength(1);
      await sleep(300);
      expect(smtp.to(h.people.customerA.email)).toHaveLength(before);

      const list = await customer.notifications.list.query();
      const left = await customer.notifications.markRead.mutate({ ids: [list[0]!.id] });
      expect(left.unread).toBe(unread.unread - 1);
      expect((await customer.notifications.markAllRead.mutate()).unread).toBe(0);
      expect(await customer.notifications.list.query({ limit: 50, unreadOnly: true })).toEqual([]);
      // Another person's ids mark nothing of theirs.
      const agentItems = await h.clientFor(h.people.agent).notifications.list.query();
      await customer.notifications.markRead.mutate({ ids: agentItems.map((n) => n.id) });
      expect(
        (await h.clientFor(h.people.agent).notifications.unreadCount.query()).unread,
      ).toBeGreaterThan(0);
    });
    it("sends as the workspace's support address and name, read with the mail's claim", async () => {
      await h.clientFor(h.people.admin).mail.updateSettings.mutate({
        supportAddress: "help@desk.test",
        fromName: 'Desk "Team"',
      });
      const t = ticketHeader(h, {});
      await h.publish(
        h.event(
          "ticket.created",
          { ...t, priority: "low", category: "general", source: "portal", inboundMessageId: null },
          h.ws.orgA,
        ),
      );
      const ack = await waitFor("the acknowledgement", async () =>
        smtp.to(h.people.customerA.email).find((m) => m.subject?.startsWith(`[#${t.number}]`)),
      );
      expect(ack.from?.value).toEqual([{ address: "help@desk.test", name: "Desk Team" }]);
      expect(ack.replyTo?.value).toEqual([{ address: "help@desk.test", name: "" }]);
    });

    it("without an SMTP server, captures a job's mails in one write, a single-use link withheld", async () => {
      const dev = await startHarness(mode(), {});
      try {
        await dev.seedDirectory();
        const tickets = Array.from({ length: 6 }, () => ticketHeader(dev));
        const reset = await dev.publish(
          ...tickets.map((t) =>
            dev.event(
              "ticket.status_changed",
              {
                ...t,
                actorId: dev.people.agent.userId,
                from: { key: "open", kind: "open" },
                to: { key: "waiting_on_customer", kind: "waiting_on_customer" },
              },
              dev.ws.orgA,
            ),
          ),
          dev.event("identity.password_reset.requested", {
            userId: dev.people.agent.userId,
            email: dev.people.agent.email,
            name: "Agent",
            link: "http://desk.test/reset?token=secret-token",
            expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
          }),
        );
        const rows = await waitFor("the seven mails captured", async () => {
          const { rows } = await dev.db.query<{
            status: string;
            attempts: number;
            sent: string;
            template: string;
            text_body: string;
            html_body: string;
          }>(
            `select status, attempts, sent_at::text as sent, template, text_body, html_body
               from notification.mail_messages
              where ticket_id = any($1::uuid[]) or event_id = $2`,
            [tickets.map((t) => t.ticketId), reset.at(-1)!.id],
          );
          return rows.length === 7 && rows.every((r) => r.status === "captured") ? rows : undefined;
        });
        expect(rows.every((r) => r.attempts === 1)).toBe(true);
        // Recorded together: `now()` is one statement's transaction start. (A relay pass may
        // split a burst across jobs, but these were published and relayed together.)
        expect(new Set(rows.map((r) => r.sent)).size).toBe(1);
        // Only the single-use link is withheld, from both bodies.
        const withheld = rows.filter(
          (r) => r.text_body === redactedBody && r.html_body === redactedBody,
        );
        expect(withheld.map((r) => r.template)).toEqual(["passwordReset"]);
        expect(rows.some((r) => `${r.text_body}${r.html_body}`.includes("secret-token"))).toBe(
          false,
        );
      } finally {
        await dev.stop();
      }
    });
  });
}

mailOutSuite("PGlite, embedded queue", () => ({ kind: "pglite" }));

describeWithInfra("on real infrastructure", (infra) => {
  mailOutSuite("Postgres, BullMQ", () => ({ kind: "postgres", infra }));
});
