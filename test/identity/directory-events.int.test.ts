import { afterAll, beforeAll, expect, it } from "vitest";
import { parseEvent, type EventOf } from "@signpost/contracts";
import { startGateway, type RunningGateway } from "@signpost/gateway";
import { describeWithInfra, waitFor } from "@signpost/testkit";
import { clientsFor, signedInWorkspace } from "../support/clients.ts";
import { postgresMode, testGatewayEnv, type RunMode } from "../support/run-modes.ts";

describeWithInfra("the gateway announces people and groups to the services", (infra) => {
  let mode: RunMode;
  let gw: RunningGateway;
  let home: Awaited<ReturnType<typeof signedInWorkspace>>;

  beforeAll(async () => {
    mode = await postgresMode(infra);
    gw = await startGateway(testGatewayEnv(mode.env));
    home = await signedInWorkspace(gw);
  });
  afterAll(async () => {
    await gw?.stop();
    await mode?.cleanup();
  });

  /** The gateway's events for this workspace, oldest first, once the relay has published them. */
  async function published() {
    return waitFor("the gateway's events to be published", async () => {
      const { rows } = await gw.db.query<{ envelope: unknown; published_at: Date | null }>(
        `select envelope, published_at from identity.outbox order by seq`,
      );
      if (rows.some((r) => r.published_at === null)) return undefined;
      return rows
        .map((r) => parseEvent(r.envelope))
        .filter((e) => e.workspaceId === home.ws.workspaceId);
    });
  }

  it("publishes a snapshot of each person provisioned, with their address and roles", async () => {
    const users = (await published()).filter(
      (e): e is EventOf<"directory.user.changed"> => e.type === "directory.user.changed",
    );
    const customer = users.find((e) => e.payload.userId === home.ws.customerA.userId);
    expect(customer?.payload).toMatchObject({
      email: home.emailOf("customerA"),
      roles: ["customer"],
      orgId: home.ws.orgA,
      active: true,
    });
    expect(customer?.orgId).toBe(home.ws.orgA);
    expect(users.map((e) => e.payload.userId)).toContain(home.ws.agent.userId);
  });

  it("publishes the full member list after each group change, and a disabled person as inactive", async () => {
    const admin = clientsFor(gw.url, home.sessions.admin).identity;
    const group = await admin.directory.groups.create.mutate({ name: "Billing desk" });
    await admin.directory.groups.addMember.mutate({
      groupId: group.id,
      userId: home.ws.agent.userId,
    });
    await admin.directory.groups.removeMember.mutate({
      groupId: group.id,
      userId: home.ws.agent.userId,
    });
    await admin.directory.users.update.mutate({
      userId: home.ws.editor.userId,
      status: "disabled",
    });

    const events = await published();
    const groupEvents = events.filter(
      (e): e is EventOf<"directory.group.changed"> =>
        e.type === "directory.group.changed" && e.payload.groupId === group.id,
    );
    expect(groupEvents.map((e) => e.payload.memberIds)).toEqual([[], [home.ws.agent.userId], []]);
    const editor = events
      .filter((e) => e.type === "directory.user.changed")
      .findLast((e) => e.payload.userId === home.ws.editor.userId);
    expect(editor?.payload).toMatchObject({ active: false });
  });

  it("asks for the invitation and password-reset mails with their links, through the same outbox", async () => {
    const admin = clientsFor(gw.url, home.sessions.admin).identity;
    const invited = await admin.directory.invitations.create.mutate({
      kind: "staff",
      email: `new-agent-${home.slug}@example.com`,
      roles: ["agent"],
    });
    await clientsFor(gw.url, null).identity.auth.requestPasswordReset.mutate({
      email: home.emailOf("customerA"),
      workspace: home.slug,
    });
    const events = await published();
    const invitation = events.find((e) => e.type === "identity.invitation.created");
    expect(invitation?.payload).toMatchObject({
      invitationId: invited.id,
      link: invited.acceptUrl,
      invitedByName: home.ws.admin.name,
    });
    const reset = events.find((e) => e.type === "identity.password_reset.requested");
    expect(reset?.payload).toMatchObject({
      userId: home.ws.customerA.userId,
      email: home.emailOf("customerA"),
    });
    expect(reset?.orgId).toBe(home.ws.orgA);
  });

  it("refuses to remove a member from a group of another workspace", async () => {
    const admin = clientsFor(gw.url, home.sessions.admin).identity;
    await expect(
      admin.directory.groups.removeMember.mutate({
        groupId: crypto.randomUUID(),
        userId: home.ws.agent.userId,
      }),
    ).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
  });

  it("lets an admin set and clear a group's lead, announced in the group's snapshot", async () => {
    const admin = clientsFor(gw.url, home.sessions.admin).identity;
    const group = await admin.directory.groups.create.mutate({ name: "Escalations desk" });
    const led = await admin.directory.groups.setLead.mutate({
      groupId: group.id,
      userId: home.ws.admin.userId,
    });
    expect(led).toMatchObject({ id: group.id, leadId: home.ws.admin.userId, memberIds: [] });
    expect((await admin.directory.groups.list.query()).find((g) => g.id === group.id)?.leadId).toBe(
      home.ws.admin.userId,
    );
    await admin.directory.groups.setLead.mutate({ groupId: group.id, userId: null });

    const snapshots = (await published()).filter(
      (e): e is EventOf<"directory.group.changed"> =>
        e.type === "directory.group.changed" && e.payload.groupId === group.id,
    );
    expect(snapshots.map((e) => e.payload.leadId)).toEqual([null, home.ws.admin.userId, null]);
  });

  it("refuses a customer, an unknown person or another workspace's group as a lead", async () => {
    const admin = clientsFor(gw.url, home.sessions.admin).identity;
    const group = await admin.directory.groups.create.mutate({ name: "Lead checks" });
    await expect(
      admin.directory.groups.setLead.mutate({
        groupId: group.id,
        userId: home.ws.customerA.userId,
      }),
    ).rejects.toMatchObject({ data: { code: "BAD_REQUEST" } });
    await expect(
      admin.directory.groups.setLead.mutate({ groupId: group.id, userId: crypto.randomUUID() }),
    ).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    await expect(
      admin.directory.groups.setLead.mutate({
        groupId: crypto.randomUUID(),
        userId: home.ws.agent.userId,
      }),
    ).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    await expect(
      clientsFor(gw.url, home.sessions.agent).identity.directory.groups.setLead.mutate({
        groupId: group.id,
        userId: home.ws.agent.userId,
      }),
    ).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
  });
});
