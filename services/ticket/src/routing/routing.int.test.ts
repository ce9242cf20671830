import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithInfra, testWorkspace } from "@signpost/testkit";
import { codeOf, startTicketHarness, type TicketHarness } from "../testing/harness.ts";

describeWithInfra("routing on Postgres and Redis", (infra) => {
  let h: TicketHarness;
  const ws = testWorkspace();
  let agents: ReturnType<TicketHarness["person"]>[];
  let groupId: string;

  beforeAll(async () => {
    h = await startTicketHarness(infra);
    agents = ["Ana", "Bo", "Cy"].map((n) => h.person(ws, n, ["agent"]));
    await h.publishPeople(ws, agents);
    // Group membership arrives as the gateway's directory events.
    groupId = await h.publishGroup(
      ws,
      "Billing team",
      agents.map((a) => a.userId),
    );
    await h.as(ws.admin).routing.setCategoryGroup.mutate({ category: "billing", groupId });
  });
  afterAll(async () => h?.stop());

  const billing = async () =>
    h.as(ws.customerA).tickets.create.mutate({
      subject: "Charged twice",
      description: "Two charges this month.",
      category: "billing",
    });

  it("routes a category to its group and deals tickets round-robin", async () => {
    const assigned = [];
    for (let i = 0; i < 4; i++) assigned.push((await billing()).assigneeId);
    expect(new Set(assigned.slice(0, 3)).size).toBe(3);
    expect(assigned[3]).toBe(assigned[0]);
    const t = await billing();
    expect(t.groupId).toBe(groupId);
    const [created] = await h.events("ticket.created", t.id);
    expect(created?.payload).toMatchObject({ groupId, assigneeId: t.assigneeId });
    // Other categories are not routed.
    const general = await h.as(ws.customerA).tickets.create.mutate({
      subject: "Hello there",
      description: "General question.",
    });
    expect(general).toMatchObject({ groupId: null, assigneeId: null });
  });

  it("skips agents who are away or at capacity, and leaves the ticket in the group when nobody is free", async () => {
    const [ana, bo, cy] = agents as [(typeof agents)[0], (typeof agents)[0], (typeof agents)[0]];
    await h.as(bo).routing.setAgent.mutate({ userId: bo.userId, away: true });
    await h.as(ws.admin).routing.setAgent.mutate({ userId: cy.userId, capacity: 1 });
    // Cy already holds at least one unresolved billing ticket from the test above.
    for (let i = 0; i < 3; i++) expect((await billing()).assigneeId).toBe(ana.userId);
    await h.as(ana).routing.setAgent.mutate({ userId: ana.userId, away: true });
    const waiting = await billing();
    expect(waiting).toMatchObject({ groupId, assigneeId: null });
    // Agents may not set capacity, nor someone else's availability.
    expect(
      await codeOf(h.as(ana).routing.setAgent.mutate({ userId: ana.userId, capacity: 99 })),
    ).toBe("FORBIDDEN");
    expect(
      await codeOf(h.as(ana).routing.setAgent.mutate({ userId: bo.userId, away: false })),
    ).toBe("FORBIDDEN");
    const config = await h.as(ws.agent).routing.config.query();
    expect(config.routes).toEqual([{ category: "billing", groupId }]);
    expect(config.agents.find((a) => a.userId === cy.userId)).toMatchObject({ capacity: 1 });
    await h.as(ana).routing.setAgent.mutate({ userId: ana.userId, away: false });
    await h.as(bo).routing.setAgent.mutate({ userId: bo.userId, away: false });
  });

  it("follows group membership changes from the directory", async () => {
    const [ana] = agents as [(typeof agents)[0]];
    await h.publishGroup(ws, "Billing team", [ana.userId], groupId);
    for (let i = 0; i < 2; i++) expect((await billing()).assigneeId).toBe(ana.userId);
  });

  it("assigns manually within the group and refuses someone outside it", async () => {
    const t = await h.as(ws.customerA).tickets.create.mutate({
      subject: "Manual one",
      description: "To be assigned by hand.",
    });
    const [ana, bo] = agents as [(typeof agents)[0], (typeof agents)[0]];
    const assigned = await h.as(ws.agent).tickets.assign.mutate({
      ticketId: t.id,
      groupId,
      assigneeId: ana.userId,
    });
    expect(assigned).toMatchObject({ groupId, assigneeId: ana.userId });
    expect(
      await codeOf(h.as(ws.agent).tickets.assign.mutate({ ticketId: t.id, assigneeId: bo.userId })),
    ).toBe("BAD_REQUEST");
    expect(
      await codeOf(
        h.as(ws.agent).tickets.assign.mutate({ ticketId: t.id, groupId: crypto.randomUUID() }),
      ),
    ).toBe("BAD_REQUEST");
    const cleared = await h
      .as(ws.agent)
      .tickets.assign.mutate({ ticketId: t.id, assigneeId: null });
    expect(cleared.assigneeId).toBeNull();
    const events = await h.events("ticket.assigned", t.id);
    expect(events.map((e) => [e.payload.previousAssigneeId, e.payload.assigneeId])).toEqual([
      [null, ana.userId],
      [ana.userId, null],
    ]);
  });
});
