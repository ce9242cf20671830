import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import type { TIdentity, TTicketPresence } from "@signpost/contracts";
import { waitFor } from "@signpost/testkit";
import { liveSuites, type LiveContext } from "./live-suites.ts";
import { sseReader } from "./sse-reader.ts";

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: { data?: { code?: string } }) => e.data?.code ?? "?",
  );

/**
 * Issue #7: agents see when someone else is viewing or replying to the same ticket. Two agents;
 * the second watches the ticket through the live stream of `streamApp` (another replica when
 * there is one) while the first beats through the harness's service.
 */
function presenceChecks(ctx: LiveContext) {
  const open = async (who: TIdentity, ticketId: string) => {
    const { h, streamApp } = ctx();
    const res = await streamApp().fetch(
      new Request(`http://notification/live/stream?presence=${ticketId}`, {
        headers: { authorization: `Bearer ${await h.sign(who)}` },
      }),
    );
    return { res, stream: res.status === 200 ? sseReader(res) : null };
  };
  const presenceEvents = (events: { event: string; data: string }[]) =>
    events.filter((e) => e.event === "presence").map((e) => JSON.parse(e.data) as TTicketPresence);

  it("shows the second agent who is viewing, then replying, then gone", async () => {
    const { h } = ctx();
    const ticketId = randomUUID();
    const { stream } = await open(h.people.agent2, ticketId);
    try {
      await waitFor("the first presence event", async () =>
        presenceEvents(stream!.events).some((p) => p.people.length === 0),
      );
      const agent = h.clientFor(h.people.agent);
      await agent.presence.beat.mutate({ ticketId, mode: "viewing" });
      await waitFor("the agent viewing", async () =>
        presenceEvents(stream!.events).some((p) =>
          p.people.some((x) => x.name === h.people.agent.name && x.mode === "viewing"),
        ),
      );
      await agent.presence.beat.mutate({ ticketId, mode: "replying" });
      await waitFor("the agent replying", async () =>
        presenceEvents(stream!.events).some((p) =>
          p.people.some((x) => x.userId === h.people.agent.userId && x.mode === "replying"),
        ),
      );
      const listed = await h.clientFor(h.people.agent2).presence.list.query({ ticketId });
      expect(listed.people).toEqual([
        { userId: h.people.agent.userId, name: h.people.agent.name, mode: "replying" },
      ]);
      await agent.presence.leave.mutate({ ticketId });
      await waitFor("the agent gone", async () => {
        const last = presenceEvents(stream!.events).at(-1);
        return last?.people.length === 0 && presenceEvents(stream!.events).length >= 4;
      });
      expect(presenceEvents(stream!.events).every((p) => p.ticketId === ticketId)).toBe(true);
    } finally {
      await stream?.close();
    }
  });

  it("keeps customers out, and another workspace's agents see nothing of it", async () => {
    const { h } = ctx();
    const ticketId = randomUUID();
    expect(
      await codeOf(
        h.clientFor(h.people.customerA).presence.beat.mutate({ ticketId, mode: "viewing" }),
      ),
    ).toBe("FORBIDDEN");
    expect(await codeOf(h.clientFor(h.people.customerA).presence.list.query({ ticketId }))).toBe(
      "FORBIDDEN",
    );
    expect((await open(h.people.customerA, ticketId)).res.status).toBe(403);
    expect((await open(h.people.agent, "not-a-ticket")).res.status).toBe(400);

    await h.clientFor(h.people.agent).presence.beat.mutate({ ticketId, mode: "viewing" });
    const stranger = { ...h.people.agent2, workspaceId: randomUUID(), userId: randomUUID() };
    expect((await h.clientFor(stranger).presence.list.query({ ticketId })).people).toEqual([]);
  });
}

liveSuites("ticket presence", presenceChecks);
