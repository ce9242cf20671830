import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGateway, type RunningGateway } from "@signpost/gateway";
import { generateIdentityKeys, identitySigner } from "@signpost/service-kit";
import { describeWithInfra, waitFor } from "@signpost/testkit";
import { embeddedMode, postgresMode, type RunMode, testGatewayEnv } from "../support/run-modes.ts";
import { clientsFor, codeOf, signedInWorkspace } from "../support/clients.ts";

/**
 * The walking skeleton: a ticket created through the API emits ticket.created, the notification
 * service records it for the agents, and a resolution reaches the KB service's indexing queue.
 */
function skeletonFlow(mode: string, envFor: () => Promise<RunMode>) {
  describe(`the skeleton flow (${mode})`, () => {
    let gw: RunningGateway;
    let cleanup: () => Promise<void>;
    let as: Awaited<ReturnType<typeof signedInWorkspace>>["sessions"];
    let ws: Awaited<ReturnType<typeof signedInWorkspace>>["ws"];

    beforeAll(async () => {
      const made = await envFor();
      cleanup = made.cleanup;
      gw = await startGateway(testGatewayEnv(made.env));
      ({ ws, sessions: as } = await signedInWorkspace(gw));
    });
    afterAll(async () => {
      await gw?.stop();
      await cleanup?.();
    });

    it("notifies the agents of a new ticket, once", async () => {
      const customer = clientsFor(gw.url, as.customerA);
      const agent = clientsFor(gw.url, as.agent);
      const ticket = await customer.ticket.tickets.create.mutate({
        subject: "Printer on fire",
        description: "Smoke is coming out of the tray.",
        priority: "urgent",
      });
      expect(ticket).toMatchObject({
        number: 1001,
        status: "open",
        orgId: ws.orgA,
        requesterId: ws.customerA.userId,
      });

      const notes = await waitFor("the agents' notification", async () => {
        const list = await agent.notification.notifications.list.query();
        return list.length > 0 ? list : undefined;
      });
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ kind: "ticket.created", ticketId: ticket.id, read: false });
      expect(notes[0]?.title).toContain("#1001");
      // The agents' feed is staff-only.
      expect(await customer.notification.notifications.list.query()).toEqual([]);
    });

    it("indexes a resolved ticket for its own organization's suggestions", async () => {
      const customer = clientsFor(gw.url, as.customerA);
      const agent = clientsFor(gw.url, as.agent);
      const ticket = await customer.ticket.tickets.create.mutate({
        subject: "Refund for a duplicate charge",
        description: "My card was charged twice for the same invoice.",
      });
      const resolved = await agent.ticket.tickets.resolve.mutate({ ticketId: ticket.id });
      expect(resolved.status).toBe("resolved");
      const typed = { subject: "charged twice for one invo" };
      const found = await waitFor("the ticket in suggestions", async () => {
        const r = await agent.kb.suggestions.suggest.query(typed);
        return r.suggestions.find((s) => s.id === ticket.id);
      });
      expect(found).toMatchObject({ kind: "ticket", title: "Refund for a duplicate charge" });
      const mine = await customer.kb.suggestions.suggest.query(typed);
      expect(mine.suggestions.map((s) => s.id)).toContain(ticket.id);
      const other = await clientsFor(gw.url, as.customerB).kb.suggestions.suggest.query(typed);
      expect(other.suggestions.map((s) => s.id)).not.toContain(ticket.id);
      expect(await codeOf(agent.ticket.tickets.resolve.mutate({ ticketId: ticket.id }))).toBe(
        "CONFLICT",
      );
    });

    it("answers 401 without credentials, 403 for the wrong role, 404 across organizations", async () => {
      const customerA = clientsFor(gw.url, as.customerA);
      const customerB = clientsFor(gw.url, as.customerB);
      const anonymous = clientsFor(gw.url, null);
      const other = await signedInWorkspace(gw);
      const stranger = clientsFor(gw.url, other.sessions.agent);
      const ticket = await customerA.ticket.tickets.create.mutate({
        subject: "Mine only",
        description: "x",
      });

      expect(await codeOf(anonymous.ticket.tickets.list.query())).toBe("UNAUTHORIZED");
      expect(
        await codeOf(anonymous.ticket.tickets.create.mutate({ subject: "abc", description: "d" })),
      ).toBe("UNAUTHORIZED");
      expect(await codeOf(customerA.ticket.tickets.resolve.mutate({ ticketId: ticket.id }))).toBe(
        "FORBIDDEN",
      );
      expect(await codeOf(customerB.ticket.tickets.get.query({ ticketId: ticket.id }))).toBe(
        "NOT_FOUND",
      );
      expect(await codeOf(stranger.ticket.tickets.get.query({ ticketId: ticket.id }))).toBe(
        "NOT_FOUND",
      );
      expect((await customerB.ticket.tickets.list.query()).map((t) => t.id)).not.toContain(
        ticket.id,
      );
      expect(
        await codeOf(customerA.ticket.tickets.create.mutate({ subject: "", description: "" })),
      ).toBe("BAD_REQUEST");
    });

    it("trusts no identity token the client brings, nor a write without the CSRF token", async () => {
      const keys = await generateIdentityKeys();
      const forged = await identitySigner(keys.privateJwk);
      const token = await forged(ws.admin);
      const res = await fetch(`${gw.url}/api/ticket/trpc/tickets.list`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(401);
      const noCsrf = await fetch(`${gw.url}/api/ticket/trpc/tickets.create`, {
        method: "POST",
        headers: { cookie: as.customerA.cookie, "content-type": "application/json" },
        body: JSON.stringify({ subject: "Sneaky", description: "cross-site" }),
      });
      expect(noCsrf.status).toBe(403);
      expect(((await noCsrf.json()) as { error: { message: string } }).error.message).toMatch(
        /csrf/i,
      );
    });
  });
}

skeletonFlow("embedded: PGlite and the in-process queue", embeddedMode);

describeWithInfra("on real infrastructure", (infra) => {
  skeletonFlow("Postgres and Redis (BullMQ)", () => postgresMode(infra));
});
