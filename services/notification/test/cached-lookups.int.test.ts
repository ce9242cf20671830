import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeWithInfra, waitFor } from "@signpost/testkit";
import { startHarness, ticketHeader, type Harness, type Mode } from "./harness.ts";

/**
 * The consumer keeps directory, preference and webhook lookups in memory between events
 * (dispatch/projection-cache.ts). A change committed between two events must show in the second.
 */
function suite(name: string, mode: () => Mode) {
  describe(`cached lookups never outlive a change (${name})`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness(mode(), {});
      await h.seedDirectory();
    });
    afterAll(async () => h?.stop());

    const created = (groupId: string) =>
      h.event("ticket.created", {
        ...ticketHeader(h, { groupId }),
        requesterId: h.people.customerA.userId,
        priority: "high",
        category: "general",
        source: "portal",
        inboundMessageId: null,
      });
    const recipientsOf = async (eventId: string) =>
      (
        await h.db.query<{ recipient_id: string }>(
          `select recipient_id from notification.notifications where event_id = $1 and kind = 'ticket.created'`,
          [eventId],
        )
      ).rows
        .map((r) => r.recipient_id)
        .sort();
    const deliveriesOf = async (eventId: string) =>
      (
        await h.db.query<{ n: number }>(
          `select count(*)::int as n from notification.webhook_deliveries where event_id = $1`,
          [eventId],
        )
      ).rows[0]?.n ?? 0;

    it("sees a new group member, a changed preference and a new webhook at the next event", async () => {
      const { agent, agent2, admin } = h.people;
      const [first] = await h.publish(created(h.groupId));
      await waitFor("the first ticket's notices", async () => {
        return (await recipientsOf(first!.id)).length === 2;
      });
      expect(await recipientsOf(first!.id)).toEqual([agent.userId, agent2.userId].sort());
      expect(await deliveriesOf(first!.id)).toBe(0);

      // Between the two events: agent2 leaves the group and the admin joins, the agent turns
      // new-ticket notices off, and the admin subscribes an endpoint to new tickets.
      await h.publish(
        h.event("directory.group.changed", {
          groupId: h.groupId,
          name: "Tier 1",
          memberIds: [agent.userId, admin.userId],
          deleted: false,
        }),
      );
      await waitFor("the group change to be applied", async () => {
        const { rows } = await h.db.query<{ member_ids: string[] }>(
          `select member_ids from notification.directory_groups where group_id = $1`,
          [h.groupId],
        );
        return rows[0]?.member_ids.includes(admin.userId) ?? false;
      });
      await h.clientFor(agent).preferences.update.mutate({
        kinds: [{ kind: "ticket.created", inApp: false, email: false }],
      });
      await h.clientFor(admin).webhooks.create.mutate({
        url: "http://127.0.0.1:9/hooks",
        eventTypes: ["ticket.created"],
      });

      const [second] = await h.publish(created(h.groupId));
      await waitFor("the second ticket's notice", async () => {
        return (await recipientsOf(second!.id)).length > 0;
      });
      expect(await recipientsOf(second!.id)).toEqual([admin.userId]);
      expect(await deliveriesOf(second!.id)).toBe(1);
    });
  });
}

suite("PGlite, embedded queue", () => ({ kind: "pglite" }));

describeWithInfra("on real infrastructure", (infra) => {
  suite("Postgres, BullMQ", () => ({ kind: "postgres", infra }));
});
