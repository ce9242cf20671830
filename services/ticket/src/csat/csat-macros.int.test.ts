import { expect, it } from "vitest";
import { describeWithInfra, testWorkspace } from "@signpost/testkit";
import { codeOf } from "../testing/harness.ts";
import { ticketSuite } from "../testing/ticket-suite.ts";

describeWithInfra("CSAT, macros and templates on Postgres and Redis", (infra) => {
  const suite = ticketSuite(infra);
  const { ws } = suite;

  const open = () =>
    suite.h
      .as(ws.customerA)
      .tickets.create.mutate({ subject: "Cannot log in", description: "Locked out." });

  it("lets the requester rate each resolution once", async () => {
    const t = await open();
    const customer = suite.h.as(ws.customerA);
    expect(await codeOf(customer.csat.submit.mutate({ ticketId: t.id, rating: 5 }))).toBe(
      "CONFLICT",
    );
    await suite.h.as(ws.agent).tickets.resolve.mutate({ ticketId: t.id });
    const first = await customer.csat.submit.mutate({
      ticketId: t.id,
      rating: 4,
      comment: "Quick, thanks",
    });
    expect(first).toMatchObject({ resolution: 1, rating: 4, comment: "Quick, thanks" });
    expect(await codeOf(customer.csat.submit.mutate({ ticketId: t.id, rating: 1 }))).toBe(
      "CONFLICT",
    );
    const [event] = await suite.h.events("csat.submitted", t.id);
    expect(event?.payload).toMatchObject({
      rating: 4,
      comment: "Quick, thanks",
      requesterId: ws.customerA.userId,
    });

    // Reopened and resolved again: a new resolution, rated anew.
    await customer.comments.add.mutate({ ticketId: t.id, body: "Locked out again" });
    await suite.h.as(ws.agent).tickets.resolve.mutate({ ticketId: t.id });
    await customer.csat.submit.mutate({ ticketId: t.id, rating: 2 });
    expect(
      (await suite.h.as(ws.agent).csat.forTicket.query({ ticketId: t.id })).map((r) => [
        r.resolution,
        r.rating,
      ]),
    ).toEqual([
      [1, 4],
      [2, 2],
    ]);
    expect(
      await codeOf(suite.h.as(ws.agent).csat.submit.mutate({ ticketId: t.id, rating: 5 })),
    ).toBe("FORBIDDEN");
    expect(
      await codeOf(suite.h.as(ws.customerB).csat.submit.mutate({ ticketId: t.id, rating: 5 })),
    ).toBe("NOT_FOUND");
    expect(await codeOf(customer.csat.submit.mutate({ ticketId: t.id, rating: 6 }))).toBe(
      "BAD_REQUEST",
    );
  });

  it("applies a macro: placeholders filled, status, priority and tags set", async () => {
    const t = await open();
    const macro = await suite.h.as(ws.agent).macros.create.mutate({
      name: "Password reset sent",
      body: "Hi {{requester.name}}, I sent a reset link for #{{ticket.number}}. — {{agent.name}}",
      actions: { status: "waiting_on_customer", priority: "high", addTags: ["password"] },
    });
    const preview = await suite.h
      .as(ws.agent)
      .macros.preview.query({ macroId: macro.id, ticketId: t.id });
    expect(preview.body).toBe(`Hi Customer A, I sent a reset link for #${t.number}. — Agent`);
    const comment = await suite.h
      .as(ws.agent)
      .macros.applyTo.mutate({ macroId: macro.id, ticketId: t.id });
    expect(comment).toMatchObject({
      body: preview.body,
      visibility: "public",
      authorId: ws.agent.userId,
    });
    expect(await suite.h.as(ws.agent).tickets.get.query({ ticketId: t.id })).toMatchObject({
      status: "waiting_on_customer",
      priority: "high",
      tags: ["password"],
    });
    expect((await suite.h.as(ws.agent).macros.list.query()).map((m) => m.name)).toEqual([
      "Password reset sent",
    ]);
    expect(await codeOf(suite.h.as(ws.customerA).macros.list.query())).toBe("FORBIDDEN");
    expect(
      await codeOf(
        suite.h
          .as(testWorkspace().agent)
          .macros.applyTo.mutate({ macroId: macro.id, ticketId: t.id }),
      ),
    ).toBe("NOT_FOUND");
  });

  it("keeps ticket templates for common issues, defined by admins", async () => {
    const tpl = await suite.h.as(ws.admin).macros.createTemplate.mutate({
      name: "Printer",
      subject: "Printer problem",
      description: "Model, error message, since when?",
      category: "technical",
      tags: ["printer"],
    });
    expect(await suite.h.as(ws.agent).macros.templates.query()).toEqual([tpl]);
    expect(
      await codeOf(
        suite.h
          .as(ws.agent)
          .macros.createTemplate.mutate({ name: "x", subject: "abc", description: "d" }),
      ),
    ).toBe("FORBIDDEN");
  });

  it("offers customers only the templates tagged for the portal, without their tags", async () => {
    const offered = await suite.h.as(ws.admin).macros.createTemplate.mutate({
      name: "Access request",
      subject: "Access to a shared mailbox",
      description: "Which mailbox, and who approved it?",
      category: "account",
      priority: "low",
      tags: ["portal", "access"],
    });
    await suite.h.as(ws.admin).macros.createTemplate.mutate({
      name: "Phone call log",
      subject: "Call from the customer",
      description: "Staff only: notes taken on the phone.",
      tags: ["phone"],
    });
    const { tags: _tags, ...form } = offered;
    for (const who of [ws.customerA, ws.customerB, ws.agent]) {
      expect(await suite.h.as(who).macros.portalTemplates.query()).toEqual([form]);
    }
    const stranger = testWorkspace();
    await suite.h.publishPeople(stranger);
    expect(await suite.h.as(stranger.customerA).macros.portalTemplates.query()).toEqual([]);
    expect(await codeOf(suite.h.as(ws.customerA).macros.templates.query())).toBe("FORBIDDEN");
    expect(await codeOf(suite.h.as(ws.editor).macros.portalTemplates.query())).toBe("FORBIDDEN");
  });
});
