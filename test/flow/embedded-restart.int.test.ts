import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { demoPeople, loadEnv, startGateway } from "@signpost/gateway";
import { generateIdentityKeys, identitySigner } from "@signpost/service-kit";
import { waitFor } from "@signpost/testkit";
import { clientsAs } from "../support/clients.ts";

describe("embedded mode across a restart", () => {
  let dir = "";
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("seeds the demo once and keeps everything on disk", async () => {
    dir = await mkdtemp(join(tmpdir(), "signpost-restart-"));
    const keys = await generateIdentityKeys();
    const sign = await identitySigner(keys.privateJwk);
    const env = loadEnv({
      DATA_DIR: dir,
      PORT: "0",
      LOG_LEVEL: "warn",
      WEB_DIST: "/nonexistent",
      IDENTITY_PRIVATE_KEY: JSON.stringify(keys.privateJwk),
    });

    const first = await startGateway(env);
    const agent = clientsAs(first.url, sign, demoPeople.agent);
    const customer = clientsAs(first.url, sign, demoPeople.customer);
    const seeded = await agent.ticket.tickets.list.query();
    expect(seeded.map((t) => t.number).sort()).toEqual([1001, 1002, 1003]);
    expect((await customer.kb.articles.list.query()).length).toBeGreaterThanOrEqual(4);
    await waitFor(
      "the demo notifications",
      async () => (await agent.notification.notifications.list.query()).length === 3,
    );
    await first.stop();

    const second = await startGateway(env);
    const again = clientsAs(second.url, sign, demoPeople.customer);
    const agentAgain = clientsAs(second.url, sign, demoPeople.agent);
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
