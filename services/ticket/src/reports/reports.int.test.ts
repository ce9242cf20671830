import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithInfra, testWorkspace } from "@signpost/testkit";
import { codeOf, startTicketHarness, type TicketHarness } from "../testing/harness.ts";

describeWithInfra("agent performance, CSAT report and the customer's SLA countdown", (infra) => {
  let h: TicketHarness;
  const ws = testWorkspace();
  const other = testWorkspace();
  const range = () => ({
    from: new Date(Date.now() - 3_600_000).toISOString(),
    to: new Date(Date.now() + 3_600_000).toISOString(),
  });

  beforeAll(async () => {
    h = await startTicketHarness(infra);
    await h.publishPeople(ws);
    await h.publishPeople(other);
  });
  afterAll(async () => h?.stop());

  it("credits each agent with what they solved, answered and how it was rated", async () => {
    const customer = h.as(ws.customerA);
    const agent = h.as(ws.agent);
    const admin = h.as(ws.admin);
    const t1 = await customer.tickets.create.mutate({ subject: "Sync broken", description: "x" });
    const t2 = await customer.tickets.create.mutate({ subject: "Invoice wrong", description: "x" });
    await agent.tickets.assign.mutate({ ticketId: t1.id, assigneeId: ws.agent.userId });
    await admin.tickets.assign.mutate({ ticketId: t2.id, assigneeId: ws.admin.userId });
    await agent.comments.add.mutate({ ticketId: t1.id, body: "Looking into it" });
    await agent.tickets.resolve.mutate({ ticketId: t1.id });
    await admin.tickets.resolve.mutate({ ticketId: t2.id });
    await customer.csat.submit.mutate({ ticketId: t1.id, rating: 5, comment: "Great help" });
    await customer.csat.submit.mutate({ ticketId: t2.id, rating: 2, comment: "Too slow" });

    const report = await admin.reports.agentPerformance.query(range());
    const byName = new Map(report.agents.map((a) => [a.name, a]));
    expect(byName.get("Agent")).toMatchObject({ solved: 1, csatCount: 1, csatAverage: 5 });
    expect(byName.get("Agent")?.avgFirstResponseMinutes).toBeGreaterThanOrEqual(0);
    expect(byName.get("Agent")?.avgResolutionMinutes).toBeGreaterThanOrEqual(0);
    expect(byName.get("Admin")).toMatchObject({
      solved: 1,
      csatAverage: 2,
      avgFirstResponseMinutes: null,
    });

    const csat = await admin.reports.csat.query(range());
    expect(csat.count).toBe(2);
    expect(csat.average).toBe(3.5);
    expect(csat.distribution.map((d) => d.count)).toEqual([0, 1, 0, 0, 1]);
    expect(csat.recentComments.map((c) => [c.number, c.comment])).toEqual([
      [t2.number, "Too slow"],
      [t1.number, "Great help"],
    ]);

    // A range before any of it is empty.
    const before = {
      from: new Date(Date.now() - 10 * 86_400_000).toISOString(),
      to: new Date(Date.now() - 9 * 86_400_000).toISOString(),
    };
    expect((await admin.reports.agentPerformance.query(before)).agents).toEqual([]);
    expect((await admin.reports.csat.query(before)).average).toBeNull();
  });

  it("refuses bad ranges, non-admins, and never mixes workspaces", async () => {
    const bad = { from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z" };
    expect(await codeOf(h.as(ws.admin).reports.csat.query(bad))).toBe("BAD_REQUEST");
    expect(
      await codeOf(
        h.as(ws.admin).reports.agentPerformance.query({
          from: "2020-01-01T00:00:00Z",
          to: "2026-01-01T00:00:00Z",
        }),
      ),
    ).toBe("BAD_REQUEST");
    for (const who of [ws.agent, ws.customerA, ws.editor]) {
      expect(await codeOf(h.as(who).reports.agentPerformance.query(range()))).toBe("FORBIDDEN");
      expect(await codeOf(h.as(who).reports.csat.query(range()))).toBe("FORBIDDEN");
    }
    await h.as(ws.customerA).tickets.create.mutate({ subject: "Mine", description: "x" });
    expect((await h.as(other.admin).reports.agentPerformance.query(range())).agents).toEqual([]);
    expect((await h.as(other.admin).reports.csat.query(range())).count).toBe(0);
  });

  it("shows the requester's organization when to expect a reply, and nobody else", async () => {
    const t = await h.as(ws.customerA).tickets.create.mutate({
      subject: "Printer offline",
      description: "x",
      priority: "high",
    });
    const first = await h.as(ws.customerA).sla.countdown.query({ ticketId: t.id });
    expect(first.state).toBe("running");
    expect(Date.parse(first.firstResponseDueAt ?? "")).toBeGreaterThan(Date.now());
    expect(Date.parse(first.resolutionDueAt ?? "")).toBeGreaterThan(Date.now());
    expect(Object.keys(first).sort()).toEqual([
      "firstResponseDueAt",
      "resolutionDueAt",
      "state",
      "ticketId",
    ]);

    await h.as(ws.agent).comments.add.mutate({ ticketId: t.id, body: "On it" });
    const answered = await h.as(ws.customerA).sla.countdown.query({ ticketId: t.id });
    expect(answered.firstResponseDueAt).toBeNull();
    expect(answered.resolutionDueAt).not.toBeNull();

    expect(await codeOf(h.as(ws.customerB).sla.countdown.query({ ticketId: t.id }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(h.as(other.customerA).sla.countdown.query({ ticketId: t.id }))).toBe(
      "NOT_FOUND",
    );
    expect(
      await codeOf(h.as(ws.customerA).sla.countdown.query({ ticketId: crypto.randomUUID() })),
    ).toBe("NOT_FOUND");
  });
});
