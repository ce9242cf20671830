import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeWithInfra, waitFor } from "@signpost/testkit";
import { startHarness, ticketHeader, type Harness, type Mode } from "./harness.ts";
import { startSmtpSink } from "@signpost/testkit/smtp-sink";

/** Issue #6: SLA warnings and breaches go "to the assignee and group lead". */
function suite(name: string, mode: () => Mode) {
  describe(`SLA alarms reach the group's lead (${name})`, () => {
    let h: Harness;
    let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
    const lead = { userId: randomUUID(), email: "lena.lead@desk.test", name: "Lena Lead" };

    beforeAll(async () => {
      smtp = await startSmtpSink();
      h = await startHarness(mode(), { smtpUrl: smtp.url });
      await h.seedDirectory();
      // The lead is staff but not a member of the group.
      await h.publish(
        h.event("directory.user.changed", {
          ...lead,
          roles: ["agent"],
          orgId: null,
          active: true,
        }),
        h.event("directory.group.changed", {
          groupId: h.groupId,
          name: "Tier 1",
          memberIds: [h.people.agent.userId, h.people.agent2.userId],
          deleted: false,
          leadId: lead.userId,
        }),
      );
      // Directory events and SLA alarms are consumed apart: the alarms below must not overtake
      // the lead's arrival in the directory (under load they did, and the lead was never told).
      await waitFor("the lead in the directory", async () => {
        const { rows } = await h.db.query<{ lead_id: string | null; email: string | null }>(
          `select g.lead_id, u.email from notification.directory_groups g
             left join notification.directory_people u on u.user_id = g.lead_id
            where g.group_id = $1`,
          [h.groupId],
        );
        return rows[0]?.lead_id === lead.userId && rows[0]?.email === lead.email;
      });
    });
    afterAll(async () => {
      await h?.stop();
      await smtp?.close();
    });

    const sla = (type: "sla.warning" | "sla.breached", t: ReturnType<typeof ticketHeader>) =>
      h.event(type, {
        ...t,
        metric: "first_response",
        dueAt: new Date(Date.now() + 15 * 60_000).toISOString(),
        priority: "high",
      });
    const itemsOf = (userId: string) =>
      h.clientFor({ ...h.people.agent, userId }).notifications.list.query();

    it("mails and notifies the lead of a warning, beside the assignee, once each", async () => {
      const t = ticketHeader(h, { groupId: h.groupId, assigneeId: h.people.agent.userId });
      await h.publish(sla("sla.warning", t));
      const [mail] = await waitFor("the lead's warning mail", async () => {
        const m = smtp.to(lead.email).filter((x) => x.subject?.includes(`[#${t.number}]`));
        return m.length ? m : undefined;
      });
      expect(mail?.subject).toContain(`[#${t.number}]`);
      await waitFor("the assignee's warning mail", async () =>
        smtp.to(h.people.agent.email).some((x) => x.subject?.includes(`[#${t.number}]`)),
      );
      const items = await itemsOf(lead.userId);
      expect(items.filter((i) => i.ticketId === t.ticketId)).toEqual([
        expect.objectContaining({ kind: "sla.warning", ticketNumber: t.number }),
      ]);
      expect(smtp.to(lead.email).filter((x) => x.subject?.includes(`[#${t.number}]`))).toHaveLength(
        1,
      );
      // Staff-only: the requester hears nothing of it.
      expect(
        smtp.to(h.people.customerA.email).some((x) => x.subject?.includes(`${t.number}`)),
      ).toBe(false);
    });

    it("follows the lead's preferences: a breach stays in the app when they turned its mail off", async () => {
      await h.clientFor({ ...h.people.agent, userId: lead.userId }).preferences.update.mutate({
        kinds: [{ kind: "sla.breached", inApp: true, email: false }],
      });
      const t = ticketHeader(h, { groupId: h.groupId, assigneeId: h.people.agent.userId });
      await h.publish(sla("sla.breached", t));
      await waitFor("the lead's breach notice", async () =>
        (await itemsOf(lead.userId)).some(
          (i) => i.ticketId === t.ticketId && i.kind === "sla.breached",
        ),
      );
      // The assignee's mail of the same event is queued in the same transaction as the lead's
      // would be: once it has arrived, the lead's would have too.
      await waitFor("the assignee's breach mail", async () =>
        smtp.to(h.people.agent.email).some((x) => x.subject?.includes(`[#${t.number}]`)),
      );
      await h.service.flushPending();
      expect(smtp.to(lead.email).some((x) => x.subject?.includes(`[#${t.number}]`))).toBe(false);
    });

    it("forgets the lead when a snapshot carries none (an event from before leads existed)", async () => {
      await h.publish(
        h.event("directory.group.changed", {
          groupId: h.groupId,
          name: "Tier 1",
          memberIds: [h.people.agent.userId, h.people.agent2.userId],
          deleted: false,
        }),
      );
      await waitFor("the lead to be cleared", async () => {
        const { rows } = await h.db.query<{ lead_id: string | null }>(
          `select lead_id from notification.directory_groups where group_id = $1`,
          [h.groupId],
        );
        return rows[0]?.lead_id === null;
      });
      const t = ticketHeader(h, { groupId: h.groupId, assigneeId: h.people.agent.userId });
      await h.publish(sla("sla.warning", t));
      await waitFor("the assignee's notice", async () =>
        (await itemsOf(h.people.agent.userId)).some((i) => i.ticketId === t.ticketId),
      );
      expect((await itemsOf(lead.userId)).some((i) => i.ticketId === t.ticketId)).toBe(false);
    });
  });
}

suite("PGlite, embedded queue", () => ({ kind: "pglite" }));

describeWithInfra("on real infrastructure", (infra) => {
  suite("Postgres, BullMQ", () => ({ kind: "postgres", infra }));
});
