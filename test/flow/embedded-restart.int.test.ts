import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { demoPassword, demoPeople, startGateway } from "@signpost/gateway";
import { waitFor } from "@signpost/testkit";
import { testGatewayEnv } from "../support/run-modes.ts";
import { clientsFor, signIn } from "../support/clients.ts";

describe("embedded mode across a restart", () => {
  let dir = "";
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("seeds the demo once and keeps everything on disk", async () => {
    dir = await mkdtemp(join(tmpdir(), "signpost-restart-"));
    const env = testGatewayEnv({ DATA_DIR: dir, SEED_DEMO: "true" });

    const first = await startGateway(env);
    const agentSession = await signIn(first.url, demoPeople.agent.email, demoPassword);
    const agent = clientsFor(first.url, agentSession);
    const customer = clientsFor(
      first.url,
      await signIn(first.url, demoPeople.customer.email, demoPassword),
    );
    expect(agentSession.me).toMatchObject({
      name: "Avery Agent",
      roles: ["agent"],
      workspaceName: "Demo Support",
    });
    const seeded = await agent.ticket.tickets.list.query();
    expect(seeded.map((t) => t.number).sort()).toEqual([1001, 1002, 1003]);
    expect((await customer.kb.articles.list.query()).length).toBeGreaterThanOrEqual(4);
    await waitFor(
      "the demo notifications",
      async () => (await agent.notification.notifications.list.query()).length === 3,
    );
    await first.stop();

    const second = await startGateway(env);
    // Sessions live in the database too: the agent's cookie still works after the restart.
    const again = clientsFor(
      second.url,
      await signIn(second.url, demoPeople.customer.email, demoPassword),
    );
    const agentAgain = clientsFor(second.url, agentSession);
    expect((await agentAgain.ticket.tickets.list.query()).map((t) => t.id).sort()).toEqual(
      seeded.map((t) => t.id).sort(),
    );
    const next = await again.ticket.tickets.create.mutate({
      subject: "After the restart",
      description: "Still here?",
    });
    expect(next.number).toBe(1004);
    await waitFor(
      "the new ticket's notification",
      async () => (await agentAgain.notification.notifications.list.query()).length === 4,
    );
    await second.stop();
  });
});
