import { expect, it } from "vitest";
import { describeWithInfra, testWorkspace } from "@signpost/testkit";
import { codeOf, messageOf } from "../testing/harness.ts";
import { ticketSuite } from "../testing/ticket-suite.ts";

describeWithInfra("ticket lifecycle on Postgres and Redis", (infra) => {
  const suite = ticketSuite(infra);
  const { ws } = suite;

  const open = (subject = "Printer jams on page two") =>
    suite.h.as(ws.customerA).tickets.create.mutate({
      subject,
      description: "Every job stops after the first page.",
      tags: ["Printer", "jam"],
    });

  it("opens a ticket with its fields and records ticket.created v2", async () => {
    const t = await open();
    expect(t).toMatchObject({
      status: "open",
      statusKey: "open",
      priority: "medium",
      category: "general",
      tags: ["printer", "jam"],
      source: "portal",
      requesterId: ws.customerA.userId,
      orgId: ws.orgA,
      assigneeId: null,
      firstResponseAt: null,
      closedAt: null,
    });
    const [created] = await suite.h.events("ticket.created", t.id);
    expect(created).toMatchObject({
      version: 2,
      orgId: ws.orgA,
      payload: { number: t.number, source: "portal", inboundMessageId: null, subject: t.subject },
    });
  });

  it("enforces the allowed transitions and stamps resolution and closing", async () => {
    const t = await open();
    const agent = suite.h.as(ws.agent).tickets;
    await agent.setStatus.mutate({ ticketId: t.id, status: "in_progress" });
    await agent.setStatus.mutate({ ticketId: t.id, status: "waiting_on_customer" });
    const resolved = await agent.setStatus.mutate({ ticketId: t.id, status: "resolved" });
    expect(resolved.resolvedAt).not.toBeNull();
    expect(await codeOf(agent.setStatus.mutate({ ticketId: t.id, status: "in_progress" }))).toBe(
      "CONFLICT",
    );
    const closed = await agent.close.mutate({ ticketId: t.id });
    expect(closed).toMatchObject({ status: "closed" });
    expect(closed.closedAt).not.toBeNull();
    expect(await messageOf(agent.setStatus.mutate({ ticketId: t.id, status: "open" }))).toMatch(
      /cannot go from closed to open/,
    );
    const changes = (await suite.h.events("ticket.status_changed", t.id)).map(
      (e) => `${e.payload.from.key}>${e.payload.to.key}`,
    );
    expect(changes).toEqual([
      "open>in_progress",
      "in_progress>waiting_on_customer",
      "waiting_on_customer>resolved",
      "resolved>closed",
    ]);
    const [closedEvent] = await suite.h.events("ticket.closed", t.id);
    expect(closedEvent?.payload).toMatchObject({ reason: "manual", actorId: ws.agent.userId });
  });

  it("maps workspace statuses to a kind and filters by either", async () => {
    const admin = suite.h.as(ws.admin);
    await admin.statuses.create.mutate({
      key: "awaiting_parts",
      label: "Awaiting parts",
      kind: "in_progress",
    });
    expect(
      await codeOf(
        suite.h.as(ws.agent).statuses.create.mutate({ key: "x", label: "X", kind: "open" }),
      ),
    ).toBe("FORBIDDEN");
    const t = await open("Replacement fuser needed");
    const moved = await suite.h
      .as(ws.agent)
      .tickets.setStatus.mutate({ ticketId: t.id, status: "awaiting_parts" });
    expect(moved).toMatchObject({ status: "in_progress", statusKey: "awaiting_parts" });
    const [event] = (await suite.h.events("ticket.status_changed", t.id)).slice(-1);
    expect(event?.payload.to).toEqual({ key: "awaiting_parts", kind: "in_progress" });
    const statuses = await suite.h.as(ws.agent).statuses.list.query();
    expect(statuses.map((s) => s.key)).toContain("awaiting_parts");
    expect(
      await codeOf(
        suite.h.as(ws.agent).tickets.setStatus.mutate({ ticketId: t.id, status: "nope" }),
      ),
    ).toBe("BAD_REQUEST");
  });

  it("reopens a resolved ticket when the customer replies, keeping the thread", async () => {
    const t = await open("VPN drops hourly");
    const agent = suite.h.as(ws.agent);
    await agent.comments.add.mutate({ ticketId: t.id, body: "Update the client to 5.2." });
    await agent.comments.add.mutate({
      ticketId: t.id,
      body: "Internal: known bug, do not mention",
      visibility: "internal",
    });
    await agent.tickets.resolve.mutate({ ticketId: t.id });
    const [resolved] = await suite.h.events("ticket.resolved", t.id);
    // The resolution is the last public staff reply, never the later internal note.
    expect(resolved).toMatchObject({
      version: 2,
      payload: { resolution: "Update the client to 5.2." },
    });

    await suite.h.as(ws.customerA).comments.add.mutate({ ticketId: t.id, body: "Still dropping." });
    const after = await agent.tickets.get.query({ ticketId: t.id });
    expect(after).toMatchObject({ status: "open", resolvedAt: null });
    expect(await suite.h.events("ticket.reopened", t.id)).toHaveLength(1);
    const thread = await agent.comments.list.query({ ticketId: t.id });
    expect(thread.map((c) => c.body)).toEqual([
      "Update the client to 5.2.",
      "Internal: known bug, do not mention",
      "Still dropping.",
    ]);
  });

  it("moves a ticket waiting on the customer back to open on their reply", async () => {
    const t = await open("Cannot export CSV");
    await suite.h
      .as(ws.agent)
      .tickets.setStatus.mutate({ ticketId: t.id, status: "waiting_on_customer" });
    await suite.h
      .as(ws.customerA)
      .comments.add.mutate({ ticketId: t.id, body: "Here is the file." });
    expect((await suite.h.as(ws.agent).tickets.get.query({ ticketId: t.id })).status).toBe("open");
    expect(await suite.h.events("ticket.reopened", t.id)).toHaveLength(0);
  });

  it("stamps the first response on the first public staff reply only", async () => {
    const t = await open("Slow dashboard");
    const agent = suite.h.as(ws.agent);
    await agent.comments.add.mutate({ ticketId: t.id, body: "note", visibility: "internal" });
    expect((await agent.tickets.get.query({ ticketId: t.id })).firstResponseAt).toBeNull();
    await agent.comments.add.mutate({ ticketId: t.id, body: "Looking into it." });
    const first = (await agent.tickets.get.query({ ticketId: t.id })).firstResponseAt;
    expect(first).not.toBeNull();
    await agent.comments.add.mutate({ ticketId: t.id, body: "Found it." });
    expect((await agent.tickets.get.query({ ticketId: t.id })).firstResponseAt).toBe(first);
  });

  it("changes priority, assignment and fields with events and an audit trail staff can read", async () => {
    const t = await open("Billing address wrong");
    const agent = suite.h.as(ws.agent);
    await agent.tickets.setPriority.mutate({ ticketId: t.id, priority: "urgent" });
    await agent.tickets.assign.mutate({ ticketId: t.id, assigneeId: ws.agent.userId });
    await agent.tickets.update.mutate({ ticketId: t.id, category: "billing", tags: ["vip"] });
    const [priority, fields] = await suite.h.events("ticket.updated", t.id);
    expect(priority?.payload.changes).toEqual([
      { field: "priority", from: "medium", to: "urgent" },
    ]);
    expect(fields?.payload.changes).toEqual([
      { field: "category", from: "general", to: "billing" },
      { field: "tags", from: ["printer", "jam"], to: ["vip"] },
    ]);
    const [assigned] = await suite.h.events("ticket.assigned", t.id);
    expect(assigned?.payload).toMatchObject({
      assigneeId: ws.agent.userId,
      previousAssigneeId: null,
    });

    const log = await agent.audit.forTicket.query({ ticketId: t.id });
    expect(log.map((e) => e.action)).toEqual(["created", "updated", "assigned", "updated"]);
    expect(log[1]).toMatchObject({
      actorId: ws.agent.userId,
      changes: [{ field: "priority", from: "medium", to: "urgent" }],
    });
    expect(log.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
    expect(await codeOf(suite.h.as(ws.customerA).audit.forTicket.query({ ticketId: t.id }))).toBe(
      "FORBIDDEN",
    );
    expect(
      await codeOf(
        suite.h.as(ws.customerA).tickets.setPriority.mutate({ ticketId: t.id, priority: "low" }),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await codeOf(
        agent.tickets.assign.mutate({ ticketId: t.id, assigneeId: ws.customerA.userId }),
      ),
    ).toBe("BAD_REQUEST");
  });

  it("hides another organization's and another workspace's tickets as 404", async () => {
    const t = await open("Private to org A");
    expect(await codeOf(suite.h.as(ws.customerB).tickets.get.query({ ticketId: t.id }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(suite.h.as(ws.customerB).comments.list.query({ ticketId: t.id }))).toBe(
      "NOT_FOUND",
    );
    expect(
      await codeOf(suite.h.as(ws.customerB).comments.add.mutate({ ticketId: t.id, body: "hi" })),
    ).toBe("NOT_FOUND");
    const other = testWorkspace();
    expect(await codeOf(suite.h.as(other.agent).tickets.get.query({ ticketId: t.id }))).toBe(
      "NOT_FOUND",
    );
    expect(
      await codeOf(
        suite.h.as(other.agent).tickets.setStatus.mutate({ ticketId: t.id, status: "closed" }),
      ),
    ).toBe("NOT_FOUND");
    expect(await codeOf(suite.h.as(other.agent).audit.forTicket.query({ ticketId: t.id }))).toBe(
      "NOT_FOUND",
    );
  });

  it("answers bad input with 400 and a message", async () => {
    const customer = suite.h.as(ws.customerA);
    expect(
      await messageOf(customer.tickets.create.mutate({ subject: "x", description: "d" })),
    ).toMatch(/at least 3/);
    expect(
      await messageOf(
        customer.tickets.create.mutate({
          subject: "Valid subject",
          description: "d",
          category: "nonsense",
        }),
      ),
    ).toMatch(/Unknown category/);
    expect(await codeOf(customer.tickets.get.query({ ticketId: "not-a-uuid" }))).toBe(
      "BAD_REQUEST",
    );
    expect(
      await codeOf(customer.comments.add.mutate({ ticketId: (await open()).id, body: "   " })),
    ).toBe("BAD_REQUEST");
  });

  it("stores typed custom fields defined per workspace and workspace categories", async () => {
    const admin = suite.h.as(ws.admin);
    await admin.fields.defineCustomField.mutate({
      key: "plan",
      label: "Plan",
      type: "select",
      options: ["free", "pro"],
    });
    await admin.fields.defineCustomField.mutate({ key: "seats", label: "Seats", type: "number" });
    await admin.fields.defineCustomField.mutate({ key: "renewal", label: "Renewal", type: "date" });
    const t = await suite.h.as(ws.customerA).tickets.create.mutate({
      subject: "Upgrade seats",
      description: "We need ten more.",
      customFields: { plan: "pro", seats: 10 },
    });
    expect(t.customFields).toEqual({ plan: "pro", seats: 10 });
    const updated = await suite.h
      .as(ws.agent)
      .tickets.update.mutate({ ticketId: t.id, customFields: { renewal: "2027-01-31" } });
    expect(updated.customFields).toEqual({ plan: "pro", seats: 10, renewal: "2027-01-31" });
    expect(
      await messageOf(
        suite.h
          .as(ws.agent)
          .tickets.update.mutate({ ticketId: t.id, customFields: { seats: "ten" } }),
      ),
    ).toMatch(/Seats must be a number/);
    expect(
      await messageOf(
        suite.h
          .as(ws.agent)
          .tickets.update.mutate({ ticketId: t.id, customFields: { plan: "gold" } }),
      ),
    ).toMatch(/one of free, pro/);
    expect(
      await codeOf(
        suite.h
          .as(ws.agent)
          .fields.defineCustomField.mutate({ key: "k", label: "K", type: "text" }),
      ),
    ).toBe("FORBIDDEN");

    await admin.fields.setCategories.mutate({
      categories: [
        { key: "hardware", label: "Hardware" },
        { key: "general", label: "General" },
      ],
    });
    expect(
      (await suite.h.as(ws.customerA).fields.categories.query())
        .filter((c) => c.active)
        .map((c) => c.key),
    ).toEqual(["general", "hardware"]);
    expect(
      await codeOf(
        suite.h.as(ws.customerA).tickets.create.mutate({
          subject: "Old category",
          description: "d",
          category: "billing",
        }),
      ),
    ).toBe("BAD_REQUEST");
    await admin.fields.setCategories.mutate({
      categories: [
        { key: "general", label: "General" },
        { key: "billing", label: "Billing" },
        { key: "technical", label: "Technical" },
      ],
    });
  });
});
