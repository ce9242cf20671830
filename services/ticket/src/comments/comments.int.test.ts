import { expect, it } from "vitest";
import { describeWithInfra, testWorkspace } from "@signpost/testkit";
import { codeOf } from "../testing/harness.ts";
import { ticketSuite } from "../testing/ticket-suite.ts";

describeWithInfra("comments and internal notes on Postgres and Redis", (infra) => {
  const suite = ticketSuite(infra);
  const { ws } = suite;

  const open = () =>
    suite.h.as(ws.customerA).tickets.create.mutate({
      subject: "Login loop",
      description: "The sign-in page keeps reloading.",
    });

  it("never shows a customer an internal note: thread, events, edits", async () => {
    const t = await open();
    const agent = suite.h.as(ws.agent);
    const note = await agent.comments.add.mutate({
      ticketId: t.id,
      body: "SECRET: their account is flagged for fraud",
      visibility: "internal",
    });
    await agent.comments.add.mutate({ ticketId: t.id, body: "Please clear your cookies." });

    const seen = await suite.h.as(ws.customerA).comments.list.query({ ticketId: t.id });
    expect(seen.map((c) => c.body)).toEqual(["Please clear your cookies."]);
    expect(JSON.stringify(seen)).not.toContain("SECRET");

    const events = await suite.h.events("ticket.commented", t.id);
    const noteEvent = events.find((e) => e.payload.commentId === note.id);
    expect(noteEvent?.payload).toMatchObject({ visibility: "internal", body: null });
    expect(JSON.stringify(events)).not.toContain("SECRET");

    // Acting on a note they cannot see is 404, not 403 (its existence does not leak).
    expect(
      await codeOf(
        suite.h.as(ws.customerA).comments.edit.mutate({ commentId: note.id, body: "x" }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await codeOf(suite.h.as(ws.customerA).comments.delete.mutate({ commentId: note.id })),
    ).toBe("NOT_FOUND");
    // A customer cannot write one either.
    expect(
      await codeOf(
        suite.h.as(ws.customerA).comments.add.mutate({
          ticketId: t.id,
          body: "can I hide this?",
          visibility: "internal",
        }),
      ),
    ).toBe("FORBIDDEN");
    // Staff see both.
    expect((await agent.comments.list.query({ ticketId: t.id })).map((c) => c.visibility)).toEqual([
      "internal",
      "public",
    ]);
  });

  it("resolves @mentions of active staff and refuses non-staff ids", async () => {
    const t = await open();
    const agent = suite.h.as(ws.agent);
    // The harness gives people addresses like "admin@example.com".
    const c = await agent.comments.add.mutate({
      ticketId: t.id,
      body: "@admin can you check the SSO logs?",
      visibility: "internal",
    });
    expect(c.mentionedIds).toEqual([ws.admin.userId]);
    const [event] = (await suite.h.events("ticket.commented", t.id)).filter(
      (e) => e.payload.commentId === c.id,
    );
    expect(event?.payload.mentionedIds).toEqual([ws.admin.userId]);
    expect(
      await codeOf(
        agent.comments.add.mutate({
          ticketId: t.id,
          body: "fyi",
          mentionedIds: [ws.customerA.userId],
        }),
      ),
    ).toBe("BAD_REQUEST");
  });

  it("lets the author or an admin edit and delete, keeping both versions in the audit log", async () => {
    const t = await open();
    const mine = await suite.h
      .as(ws.customerA)
      .comments.add.mutate({ ticketId: t.id, body: "typo hre" });
    const edited = await suite.h.as(ws.customerA).comments.edit.mutate({
      commentId: mine.id,
      body: "typo here",
    });
    expect(edited.editedAt).not.toBeNull();
    expect(
      await codeOf(suite.h.as(ws.agent).comments.edit.mutate({ commentId: mine.id, body: "x" })),
    ).toBe("FORBIDDEN");
    await suite.h.as(ws.admin).comments.delete.mutate({ commentId: mine.id });
    expect(await suite.h.as(ws.customerA).comments.list.query({ ticketId: t.id })).toEqual([]);
    const log = await suite.h.as(ws.agent).audit.forTicket.query({ ticketId: t.id });
    const edits = log.filter((e) => e.action.startsWith("comment_"));
    expect(edits.map((e) => [e.action, e.actorId, e.changes[0]?.from, e.changes[0]?.to])).toEqual([
      ["comment_edited", ws.customerA.userId, "typo hre", "typo here"],
      ["comment_deleted", ws.admin.userId, "typo here", null],
    ]);
  });

  it("refuses comments on a closed ticket and on another organization's ticket", async () => {
    const t = await open();
    await suite.h.as(ws.agent).tickets.close.mutate({ ticketId: t.id });
    expect(
      await codeOf(suite.h.as(ws.customerA).comments.add.mutate({ ticketId: t.id, body: "hi" })),
    ).toBe("CONFLICT");
    const other = await open();
    expect(
      await codeOf(
        suite.h.as(ws.customerB).comments.add.mutate({ ticketId: other.id, body: "hi" }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await codeOf(suite.h.as(testWorkspace().agent).comments.list.query({ ticketId: other.id })),
    ).toBe("NOT_FOUND");
  });
});
