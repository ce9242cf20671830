import { expect, it } from "vitest";
import type { TTicketRow } from "@signpost/contracts";
import { describeWithInfra, waitFor } from "@signpost/testkit";
import { ticketSuite } from "../testing/ticket-suite.ts";

/** The SLA on queue rows (`tickets.search`): due dates, breaches and pauses for a countdown. */
describeWithInfra("SLA state on list rows", (infra) => {
  const suite = ticketSuite(infra);
  const { ws } = suite;

  const rowOf = async (who: typeof ws.agent, ticketId: string): Promise<TTicketRow> => {
    const page = await suite.h.as(who).tickets.search.query({ filters: {}, limit: 100 });
    const row = page.tickets.find((t) => t.id === ticketId);
    if (!row) throw new Error(`ticket ${ticketId} is not in the list`);
    return row;
  };

  it("shows staff the due dates, the breach and the pause, and customers nothing", async () => {
    // Two seconds to answer a high ticket, so the first response is missed while we watch.
    await suite.h.as(ws.admin).sla.policies.create.mutate({
      name: "Tight high",
      priority: "high",
      firstResponseMinutes: 2 / 60,
      resolutionMinutes: 600,
    });
    const agent = suite.h.as(ws.agent);
    const urgent = await agent.tickets.create.mutate({
      subject: "Site down",
      description: "Everything is down",
      priority: "high",
      requesterId: ws.customerA.userId,
    });
    const waiting = await agent.tickets.create.mutate({
      subject: "Export question",
      description: "Which format?",
      requesterId: ws.customerA.userId,
    });

    const fresh = await rowOf(ws.agent, urgent.id);
    const detail = await agent.sla.ticket.query({ ticketId: urgent.id });
    expect(fresh.sla).toEqual({
      state: "ok",
      dueAt: detail.dueAt,
      firstResponseDueAt: detail.firstResponse.dueAt,
      firstResponseBreached: false,
      resolutionDueAt: detail.resolution.dueAt,
      resolutionBreached: false,
      paused: false,
    });
    expect(Date.parse(fresh.sla?.firstResponseDueAt ?? "") - Date.parse(urgent.createdAt)).toBe(
      2000,
    );

    const breached = await waitFor("the first-response breach on the row", async () => {
      const row = await rowOf(ws.agent, urgent.id);
      return row.sla?.firstResponseBreached ? row : undefined;
    });
    expect(breached.sla).toMatchObject({ state: "breached", resolutionBreached: false });

    await agent.tickets.setStatus.mutate({ ticketId: waiting.id, status: "waiting_on_customer" });
    expect((await rowOf(ws.agent, waiting.id)).sla).toMatchObject({
      state: "paused",
      paused: true,
      resolutionDueAt: null,
    });

    // Sorting on the due date puts the overdue ticket first.
    const byDue = await agent.tickets.search.query({
      sort: { field: "sla_due_at", direction: "asc" },
      filters: {},
      limit: 100,
    });
    expect(byDue.tickets[0]?.id).toBe(urgent.id);

    const mine = await suite.h.as(ws.customerA).tickets.search.query({ filters: {}, limit: 100 });
    expect(mine.tickets.map((t) => t.id).sort()).toEqual([urgent.id, waiting.id].sort());
    expect(mine.tickets.map((t) => t.sla)).toEqual([null, null]);
  });
});
