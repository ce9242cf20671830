import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithInfra, testWorkspace } from "@signpost/testkit";
import { codeOf, startTicketHarness, type TicketHarness } from "../testing/harness.ts";

describeWithInfra("merge, split and bulk actions on Postgres and Redis", (infra) => {
  let h: TicketHarness;
  const ws = testWorkspace();
  const colleague = { ...testWorkspace().customerA };

  beforeAll(async () => {
    h = await startTicketHarness(infra);
    Object.assign(colleague, { workspaceId: ws.workspaceId, orgId: ws.orgA, name: "Colleague" });
    await h.publishPeople(ws, [colleague]);
  });
  afterAll(async () => h?.stop());

  const open = (who = ws.customerA, subject = "Wifi drops") =>
    h.as(who).tickets.create.mutate({ subject, description: `${subject}, details.` });

  it("merges a duplicate: thread and requester carried, source closed as merged, both linked", async () => {
    const target = await open(ws.customerA, "Wifi drops in the office");
    const source = await open(colleague, "Office wifi is down");
    await h.as(colleague).comments.add.mutate({ ticketId: source.id, body: "Since 9am." });
    const merged = await h.as(ws.agent).tickets.merge.mutate({
      sourceTicketId: source.id,
      targetTicketId: target.id,
    });
    expect(merged.collaboratorIds).toEqual([colleague.userId]);
    expect(
      (await h.as(ws.agent).comments.list.query({ ticketId: target.id })).map((c) => c.body),
    ).toEqual(["Since 9am."]);
    const closed = await h.as(ws.agent).tickets.get.query({ ticketId: source.id });
    expect(closed).toMatchObject({ status: "closed", mergedIntoId: target.id });
    expect(closed.links).toEqual([
      { kind: "merged_into", ticketId: target.id, number: target.number },
    ]);
    expect((await h.as(ws.agent).tickets.get.query({ ticketId: target.id })).links).toEqual([
      { kind: "merged_from", ticketId: source.id, number: source.number },
    ]);
    const [event] = await h.events("ticket.merged", target.id);
    expect(event?.payload).toMatchObject({
      sourceTicketId: source.id,
      sourceNumber: source.number,
      sourceRequesterId: colleague.userId,
      actorId: ws.agent.userId,
    });
    const [closedEvent] = await h.events("ticket.closed", source.id);
    expect(closedEvent?.payload.reason).toBe("merged");
    // Merging again, or into itself, or across organizations is refused.
    expect(
      await codeOf(
        h
          .as(ws.agent)
          .tickets.merge.mutate({ sourceTicketId: source.id, targetTicketId: target.id }),
      ),
    ).toBe("CONFLICT");
    expect(
      await codeOf(
        h
          .as(ws.agent)
          .tickets.merge.mutate({ sourceTicketId: target.id, targetTicketId: target.id }),
      ),
    ).toBe("BAD_REQUEST");
    const otherOrg = await open(ws.customerB, "Org B wifi");
    expect(
      await codeOf(
        h
          .as(ws.agent)
          .tickets.merge.mutate({ sourceTicketId: otherOrg.id, targetTicketId: target.id }),
      ),
    ).toBe("BAD_REQUEST");
    expect(
      await codeOf(
        h
          .as(ws.customerA)
          .tickets.merge.mutate({ sourceTicketId: otherOrg.id, targetTicketId: target.id }),
      ),
    ).toBe("NOT_FOUND");
    // Whichever id sorts first, a ticket the caller may not see answers 404, never 403.
    for (const [s, t] of [
      [otherOrg.id, target.id],
      [target.id, otherOrg.id],
    ] as const) {
      expect(
        await codeOf(
          h.as(ws.customerA).tickets.merge.mutate({ sourceTicketId: s, targetTicketId: t }),
        ),
      ).toBe("NOT_FOUND");
    }
  });

  it("splits a public comment into a new linked ticket and refuses internal notes", async () => {
    const t = await open(ws.customerA, "Two problems at once");
    const reply = await h.as(ws.customerA).comments.add.mutate({
      ticketId: t.id,
      body: "Also, the scanner is broken.",
    });
    const note = await h
      .as(ws.agent)
      .comments.add.mutate({ ticketId: t.id, body: "hmm", visibility: "internal" });
    const split = await h
      .as(ws.agent)
      .tickets.split.mutate({ commentId: reply.id, subject: "Scanner broken" });
    expect(split).toMatchObject({
      subject: "Scanner broken",
      description: "Also, the scanner is broken.",
      requesterId: ws.customerA.userId,
      orgId: ws.orgA,
      status: "open",
    });
    expect((await h.as(ws.customerA).tickets.get.query({ ticketId: split.id })).links).toEqual([
      { kind: "split_from", ticketId: t.id, number: t.number },
    ]);
    expect(await h.events("ticket.created", split.id)).toHaveLength(1);
    expect(
      await codeOf(h.as(ws.agent).tickets.split.mutate({ commentId: note.id, subject: "Leak" })),
    ).toBe("BAD_REQUEST");
    expect(
      await codeOf(
        h.as(ws.customerA).tickets.split.mutate({ commentId: reply.id, subject: "Mine" }),
      ),
    ).toBe("FORBIDDEN");
  });

  it("applies bulk actions ticket by ticket, reporting the ones that refuse", async () => {
    const a = await open();
    const b = await open();
    const c = await open();
    await h.as(ws.agent).tickets.close.mutate({ ticketId: c.id });
    const ids = [a.id, b.id, c.id];
    const priority = await h
      .as(ws.agent)
      .tickets.bulk.mutate({ action: "priority", ticketIds: ids, priority: "high" });
    expect(priority.results.map((r) => [r.ok, r.error?.code ?? null])).toEqual([
      [true, null],
      [true, null],
      [false, "CONFLICT"],
    ]);
    await h.as(ws.agent).tickets.bulk.mutate({
      action: "assign",
      ticketIds: [a.id, b.id],
      assigneeId: ws.agent.userId,
    });
    await h
      .as(ws.agent)
      .tickets.bulk.mutate({ action: "status", ticketIds: [a.id, b.id], status: "in_progress" });
    const after = await h
      .as(ws.agent)
      .tickets.search.query({ filters: { assigneeId: [ws.agent.userId] } });
    expect(after.tickets.map((t) => [t.priority, t.status])).toEqual([
      ["high", "in_progress"],
      ["high", "in_progress"],
    ]);
    const other = testWorkspace();
    const closing = await h
      .as(ws.agent)
      .tickets.bulk.mutate({ action: "close", ticketIds: [a.id, other.orgA] });
    expect(closing.results.map((r) => r.error?.code ?? "OK")).toEqual(["OK", "NOT_FOUND"]);
    const [closed] = await h.events("ticket.closed", a.id);
    expect(closed?.payload.reason).toBe("bulk");
    expect(
      await codeOf(h.as(ws.customerA).tickets.bulk.mutate({ action: "close", ticketIds: [b.id] })),
    ).toBe("FORBIDDEN");
    expect(
      await codeOf(h.as(ws.agent).tickets.bulk.mutate({ action: "close", ticketIds: [] })),
    ).toBe("BAD_REQUEST");
  });
});
