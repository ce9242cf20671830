import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { eventQueueOf } from "@signpost/contracts";
import { createBullmqTransport } from "@signpost/queue";
import { startGateway, type RunningGateway } from "@signpost/gateway";
import { generateIdentityKeys, identitySigner } from "@signpost/service-kit";
import { describeWithInfra, freshDatabase, uniqueSuffix, waitFor } from "@signpost/testkit";
import { testGatewayEnv } from "../support/run-modes.ts";
import { clientsFor, signedInWorkspace } from "../support/clients.ts";
import {
  freePort,
  startServiceProcess,
  waitReady,
  type ServiceProcess,
} from "../support/processes.ts";

describeWithInfra("one process per service: a crash between commit and delivery", (infra) => {
  const running: ServiceProcess[] = [];
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let sql: pg.Client;
  let gateway: RunningGateway | undefined;

  beforeAll(async () => {
    fresh = await freshDatabase(infra.databaseUrl);
    sql = new pg.Client({ connectionString: fresh.url });
    await sql.connect();
  });
  afterAll(async () => {
    await gateway?.stop();
    await Promise.all(running.map((p) => p.crash()));
    await sql?.end();
    await fresh?.drop();
  });

  it("delivers ticket.created exactly once after the ticket service is killed before relaying it", async () => {
    const keys = await generateIdentityKeys();
    const forged = await identitySigner((await generateIdentityKeys()).privateJwk);
    const prefix = `crash${uniqueSuffix()}`;
    const base = {
      DATABASE_URL: fresh.url,
      REDIS_URL: infra.redisUrl,
      IDENTITY_PUBLIC_KEY: JSON.stringify(keys.publicJwk),
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: "warn",
    };
    const [ticketPort, kbPort, notificationPort] = [
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    const urlOf = (port: number) => `http://127.0.0.1:${port}`;

    // 1. The ticket service answers HTTP but runs no relay: the event stays in its outbox.
    const ticketA = startServiceProcess("ticket", {
      ...base,
      PORT: String(ticketPort),
      SIGNPOST_ROLES: "http",
    });
    running.push(ticketA);
    const kb = startServiceProcess("kb", { ...base, PORT: String(kbPort) });
    running.push(kb);
    await waitReady(urlOf(ticketPort), ticketA);
    await waitReady(urlOf(kbPort), kb);
    gateway = await startGateway(
      testGatewayEnv({
        DATABASE_URL: fresh.url,
        REDIS_URL: infra.redisUrl,
        QUEUE_PREFIX: prefix,
        TICKET_URL: urlOf(ticketPort),
        KB_URL: urlOf(kbPort),
        NOTIFICATION_URL: urlOf(notificationPort),
        IDENTITY_PRIVATE_KEY: JSON.stringify(keys.privateJwk),
      }),
    );
    const { ws, sessions } = await signedInWorkspace(gateway);
    const customer = clientsFor(gateway.url, sessions.customerA);

    // A service reached directly trusts only the gateway's signature.
    const direct = `${urlOf(ticketPort)}/trpc/tickets.list`;
    expect((await fetch(direct)).status).toBe(401);
    const forgedToken = await forged(ws.admin);
    expect(
      (await fetch(direct, { headers: { authorization: `Bearer ${forgedToken}` } })).status,
    ).toBe(401);

    const ticket = await customer.ticket.tickets.create.mutate({
      subject: "Lost in transit",
      description: "?",
    });

    // 2. Crash. The ticket is committed; its event is not yet delivered anywhere.
    await ticketA.crash();
    const outbox = await sql.query<{ id: string; published_at: Date | null; envelope: unknown }>(
      `select id, published_at, envelope from ticket.outbox where envelope->'payload'->>'ticketId' = $1`,
      [ticket.id],
    );
    expect(outbox.rows).toHaveLength(1);
    expect(outbox.rows[0]?.published_at).toBeNull();

    // 3. Restart the ticket service (with its relay) and start the notification service.
    const ticketB = startServiceProcess("ticket", { ...base, PORT: String(ticketPort) });
    const notification = startServiceProcess("notification", {
      ...base,
      PORT: String(notificationPort),
    });
    running.push(ticketB, notification);
    await waitReady(urlOf(ticketPort), ticketB);
    await waitReady(urlOf(notificationPort), notification);

    const countFor = async () =>
      Number(
        (
          await sql.query<{ n: string }>(
            `select count(*) as n from notification.notifications where ticket_id = $1`,
            [ticket.id],
          )
        ).rows[0]?.n,
      );
    await waitFor("the notification", async () => (await countFor()) === 1, 20_000);
    const agent = clientsFor(gateway.url, sessions.agent);
    expect((await agent.notification.notifications.list.query()).map((n) => n.ticketId)).toEqual([
      ticket.id,
    ]);

    // 4. A redelivery of the same event (another job id, as after a Redis failover) has no effect.
    const transport = createBullmqTransport({ redisUrl: infra.redisUrl, prefix });
    const event = outbox.rows[0]!;
    await transport.enqueue(eventQueueOf("notification"), {
      id: `${event.id}-again`,
      name: "ticket.created",
      data: event.envelope,
    });
    await waitFor("the redelivery to be consumed", async () => {
      const r = await sql.query(`select 1 from ticket.outbox where published_at is not null`);
      return (
        r.rows.length === 1 && (await transport.pendingCount(eventQueueOf("notification"))) === 0
      );
    });
    await transport.close();
    expect(await countFor()).toBe(1);
    const inbox = await sql.query(`select event_id from notification.inbox where event_id = $1`, [
      event.id,
    ]);
    expect(inbox.rows).toHaveLength(1);

    // 5. SIGTERM drains and exits cleanly.
    expect(await notification.stop()).toBe(0);
    // Five processes start and stop inside this test.
  }, 120_000);
});
