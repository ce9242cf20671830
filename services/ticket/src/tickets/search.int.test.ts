import { afterAll, beforeAll, expect, it } from "vitest";
import type { TTicket } from "@signpost/contracts";
import { describeWithInfra, testWorkspace } from "@signpost/testkit";
import { codeOf, startTicketHarness, type TicketHarness } from "../testing/harness.ts";

describeWithInfra("ticket search on Postgres and Redis", (infra) => {
  let h: TicketHarness;
  const ws = testWorkspace();
  const made: TTicket[] = [];

  beforeAll(async () => {
    h = await startTicketHarness(infra);
    await h.publishPeople(ws);
    const specs = [
      {
        who: ws.customerA,
        subject: "Invoice shows wrong VAT",
        category: "billing",
        priority: "high",
        tags: ["vat"],
      },
      {
        who: ws.customerA,
        subject: "Password reset mail never arrives",
        category: "account",
        priority: "urgent",
        tags: ["mail"],
      },
      {
        who: ws.customerB,
        subject: "Refund for duplicate invoice",
        category: "billing",
        priority: "low",
        tags: ["refund"],
      },
      {
        who: ws.customerB,
        subject: "Dark mode request",
        category: "feature_request",
        priority: "medium",
        tags: [],
      },
      {
        who: ws.customerA,
        subject: "Export to CSV crashes",
        category: "bug",
        priority: "high",
        tags: ["export", "crash"],
      },
    ] as const;
    for (const s of specs) {
      made.push(
        await h.as(s.who).tickets.create.mutate({
          subject: s.subject,
          description: `${s.subject}. Details follow.`,
          category: s.category,
          priority: s.priority,
          tags: [...s.tags],
        }),
      );
    }
    await h
      .as(ws.agent)
      .tickets.assign.mutate({ ticketId: made[0]!.id, assigneeId: ws.agent.userId });
    await h.as(ws.agent).tickets.setStatus.mutate({ ticketId: made[4]!.id, status: "in_progress" });
  });
  afterAll(async () => h?.stop());

  const subjects = (page: { tickets: TTicket[] }) => page.tickets.map((t) => t.subject);
  const search = (filters: object, extra: object = {}) =>
    h.as(ws.agent).tickets.search.query({ filters, ...extra });

  it("filters by status, priority, category, assignee, requester, organization, tag and text", async () => {
    expect(subjects(await search({ status: ["in_progress"] }))).toEqual(["Export to CSV crashes"]);
    expect(subjects(await search({ priority: ["urgent", "low"] })).sort()).toEqual([
      "Password reset mail never arrives",
      "Refund for duplicate invoice",
    ]);
    expect((await search({ category: ["billing"] })).tickets).toHaveLength(2);
    expect(subjects(await search({ assigneeId: [ws.agent.userId] }))).toEqual([
      "Invoice shows wrong VAT",
    ]);
    expect((await search({ assigneeId: [null] })).tickets).toHaveLength(4);
    expect((await search({ requesterId: [ws.customerB.userId] })).tickets).toHaveLength(2);
    expect((await search({ orgId: [ws.orgA] })).tickets).toHaveLength(3);
    expect(subjects(await search({ tag: ["crash"] }))).toEqual(["Export to CSV crashes"]);
    expect(subjects(await search({ text: "invoices" })).sort()).toEqual([
      "Invoice shows wrong VAT",
      "Refund for duplicate invoice",
    ]);
    expect(subjects(await search({ text: `#${made[3]!.number}` }))).toEqual(["Dark mode request"]);
    expect(subjects(await search({ category: ["billing"], orgId: [ws.orgB] }))).toEqual([
      "Refund for duplicate invoice",
    ]);
  });

  it("sorts and pages with a cursor without skipping or repeating", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await h.as(ws.agent).tickets.search.query({
        sort: { field: "priority", direction: "desc" },
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.tickets.map((t) => t.priority));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(["urgent", "high", "high", "medium", "low"]);
    const byNumber = await h
      .as(ws.agent)
      .tickets.search.query({ sort: { field: "number", direction: "asc" } });
    expect(byNumber.tickets.map((t) => t.number)).toEqual(made.map((t) => t.number));
    expect(await codeOf(h.as(ws.agent).tickets.search.query({ cursor: "garbage" }))).toBe(
      "BAD_REQUEST",
    );
  });

  it("confines a customer to their organization whatever they filter on", async () => {
    const mine = await h.as(ws.customerA).tickets.search.query({ filters: { orgId: [ws.orgB] } });
    expect(mine.tickets).toEqual([]);
    const all = await h.as(ws.customerA).tickets.search.query({});
    expect(all.tickets.every((t) => t.orgId === ws.orgA)).toBe(true);
    expect(all.tickets).toHaveLength(3);
    expect((await h.as(testWorkspace().agent).tickets.search.query({})).tickets).toEqual([]);
  });

  it("saves views per agent and lists through them", async () => {
    const view = await h.as(ws.agent).views.save.mutate({
      name: "Billing, newest first",
      filters: { category: ["billing"] },
    });
    expect((await h.as(ws.agent).tickets.search.query({ viewId: view.id })).tickets).toHaveLength(
      2,
    );
    expect((await h.as(ws.agent).views.list.query()).map((v) => v.name)).toEqual([
      "Billing, newest first",
    ]);
    // Another agent's view is not theirs to use.
    expect(await h.as(ws.admin).views.list.query()).toEqual([]);
    expect(await codeOf(h.as(ws.admin).tickets.search.query({ viewId: view.id }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(h.as(ws.customerA).views.list.query())).toBe("FORBIDDEN");
    await h.as(ws.agent).views.delete.mutate({ viewId: view.id });
    expect(await h.as(ws.agent).views.list.query()).toEqual([]);
  });
});
