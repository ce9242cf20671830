import { expect, it } from "vitest";
import { describeWithInfra, waitFor } from "@signpost/testkit";
import { ticketSuite } from "../testing/ticket-suite.ts";

const seconds = (s: number) => s / 60;

describeWithInfra("SLA escalation on Postgres and Redis", (infra) => {
  const suite = ticketSuite(infra);
  const { ws } = suite;

  it("moves a breached ticket to the escalation group, raising its priority, once", async () => {
    const second = suite.h.person(ws, "Second Agent", ["agent"]);
    await suite.h.publishPeople(ws, [second]);
    const escalation = await suite.h.publishGroup(ws, "Escalations", [second.userId]);
    await suite.h.as(ws.admin).sla.policies.create.mutate({
      name: "Medium, tight",
      priority: "medium",
      firstResponseMinutes: 600,
      resolutionMinutes: seconds(4),
      escalateRaisePriority: true,
      escalateGroupId: escalation,
    });
    const t = await suite.h.as(ws.customerA).tickets.create.mutate({
      subject: "Payments fail",
      description: "Card declined for everyone",
    });
    // Someone outside the escalation group holds it: escalation hands it to the group's queue.
    await suite.h
      .as(ws.agent)
      .tickets.assign.mutate({ ticketId: t.id, assigneeId: ws.agent.userId });

    const [escalated] = await waitFor(
      "the escalation",
      async () => {
        const e = await suite.h.events("ticket.escalated", t.id);
        return e.length ? e : undefined;
      },
      15_000,
    );
    expect(escalated?.payload).toMatchObject({
      reason: "sla_breached:resolution",
      priority: "high",
      previousPriority: "medium",
      groupId: escalation,
      previousGroupId: null,
      assigneeId: null,
    });
    const now = await suite.h.as(ws.agent).tickets.get.query({ ticketId: t.id });
    expect(now).toMatchObject({ priority: "high", groupId: escalation, assigneeId: null });
    // The change went through the ticket use-cases: audited and announced like any other.
    expect(await suite.h.events("ticket.assigned", t.id)).toHaveLength(2);
    const breaches = await suite.h.events("sla.breached", t.id);
    expect(breaches.map((e) => e.payload.metric)).toEqual(["resolution"]);

    // The escalated ticket keeps its breach; priority high has no policy, so the defaults apply
    // and nothing else falls due: no second escalation.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await suite.h.events("ticket.escalated", t.id)).toHaveLength(1);
    const sla = await suite.h.as(ws.agent).sla.ticket.query({ ticketId: t.id });
    expect(sla).toMatchObject({ state: "breached", resolution: { state: "breached" } });
  });

  it("refuses SLA administration to anyone but admins", async () => {
    const list = (who: typeof ws.agent) => suite.h.as(who).sla.policies.list.query();
    await expect(list(ws.agent)).rejects.toThrow(/may not sla.manage/);
    await expect(list(ws.customerA)).rejects.toThrow(/may not sla.manage/);
    expect(await list(ws.admin)).toHaveLength(1);
  });
});
