import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { ZTicketActivity, type TIdentity, type TTicketActivity } from "@signpost/contracts";
import { buildEvent } from "@signpost/queue";
import { waitFor } from "@signpost/testkit";
import { ticketHeader } from "./harness.ts";
import { liveSuites, type LiveContext } from "./live-suites.ts";
import { sseReader } from "./sse-reader.ts";

/**
 * Issue #7: a ticket changed by someone else shows in an agent's queue at once. Streams are opened
 * on `streamApp` (another replica when there is one, reached only through Redis) while the
 * harness's service consumes the events.
 */
function activityChecks(ctx: LiveContext) {
  const open = async (who: TIdentity) => {
    const { h, streamApp } = ctx();
    const res = await streamApp().fetch(
      new Request(`http://notification/live/stream`, {
        headers: { authorization: `Bearer ${await h.sign(who)}` },
      }),
    );
    expect(res.status).toBe(200);
    const stream = sseReader(res);
    await waitFor("the stream to be ready", async () =>
      stream.events.some((e) => e.event === "ready"),
    );
    return stream;
  };
  const activities = (s: ReturnType<typeof sseReader>) =>
    s.events
      .filter((e) => e.event === "ticket")
      .map((e) => ZTicketActivity.parse(JSON.parse(e.data)));

  it("tells the workspace's staff, and neither its customers nor another workspace", async () => {
    const { h } = ctx();
    const elsewhere = randomUUID();
    const stranger: TIdentity = {
      ...h.people.agent2,
      workspaceId: elsewhere,
      userId: randomUUID(),
    };
    const [agent2, admin, customer, strangerStream] = await Promise.all([
      open(h.people.agent2),
      open(h.people.admin),
      open(h.people.customerA),
      open(stranger),
    ]);
    try {
      const header = ticketHeader(h);
      await h.publish(
        h.event("ticket.updated", {
          ...header,
          actorId: h.people.admin.userId,
          changes: [{ field: "priority", from: "normal", to: "urgent" }],
        }),
        h.event(
          "ticket.commented",
          {
            ...header,
            commentId: randomUUID(),
            authorId: h.people.agent.userId,
            authorIsStaff: true,
            visibility: "internal",
            body: null,
            mentionedIds: [],
            attachmentCount: 0,
            inboundMessageId: null,
          },
          h.people.customerA.orgId,
        ),
      );
      // The other workspace's own change, so its stream is shown to be listening.
      const theirs = randomUUID();
      await h.publish(
        buildEvent("ticket.updated", {
          workspaceId: elsewhere,
          orgId: null,
          payload: {
            ...ticketHeader(h),
            ticketId: theirs,
            actorId: null,
            changes: [{ field: "category", from: "a", to: "b" }],
          },
        }),
      );
      const kinds = (s: ReturnType<typeof sseReader>) =>
        activities(s)
          .filter((a) => a.ticketId === header.ticketId)
          .map((a) => a.kind)
          .sort();
      for (const s of [agent2, admin]) {
        await waitFor("staff to hear of both changes", async () => kinds(s).length >= 2);
        expect(kinds(s)).toEqual(["commented", "updated"]);
        const one = activities(s).find((a) => a.kind === "updated") as TTicketActivity;
        expect(one).toEqual({
          ticketId: header.ticketId,
          number: header.number,
          kind: "updated",
          at: expect.any(String) as string,
        });
      }
      await waitFor("the other workspace's staff to hear of theirs", async () =>
        activities(strangerStream).some((a) => a.ticketId === theirs),
      );
      expect(activities(strangerStream).map((a) => a.ticketId)).toEqual([theirs]);
      expect(activities(agent2).some((a) => a.ticketId === theirs)).toBe(false);
      // Fanned out with the staff's streams above on the same replica: had the customer been
      // sent anything, it would be here by now.
      expect(customer.events.filter((e) => e.event === "ticket")).toEqual([]);
      expect(agent2.events.some((e) => e.data.includes("Printer"))).toBe(false);
    } finally {
      await Promise.all([agent2, admin, customer, strangerStream].map((s) => s.close()));
    }
  });
}

liveSuites("ticket activity on live streams", activityChecks);
