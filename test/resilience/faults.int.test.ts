import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { eventQueueOf } from "@signpost/contracts";
import { startGateway, type RunningGateway } from "@signpost/gateway";
import { createBullmqTransport } from "@signpost/queue";
import { generateIdentityKeys } from "@signpost/service-kit";
import { describeWithInfra, freshDatabase, uniqueSuffix, waitFor } from "@signpost/testkit";
import { signedInWorkspace } from "../support/clients.ts";
import {
  freePort,
  startServiceProcess,
  waitReady,
  type ServiceProcess,
} from "../support/processes.ts";
import { startOwnRedis, type OwnRedis } from "../support/redis-server.ts";
import { testGatewayEnv } from "../support/run-modes.ts";
import { ticketLoad } from "./load.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Faults under load, each service its own process, two notification replicas, on this suite's
 * own database and its own redis-server: kill -9 a replica, restart Redis, drop every Postgres
 * connection. Then every ticket must be stored once and every ticket.created handled once.
 */
describeWithInfra("resilience: faults under load", (infra) => {
  const log: string[] = [];
  const say = (line: string) => {
    log.push(line);
    console.log(`[resilience] ${line}`);
  };
  const processes: ServiceProcess[] = [];
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let redis: OwnRedis;
  let sql: pg.Client;
  let gateway: RunningGateway | undefined;

  beforeAll(async () => {
    fresh = await freshDatabase(infra.databaseUrl);
    redis = await startOwnRedis();
    sql = new pg.Client({ connectionString: fresh.url });
    sql.on("error", () => undefined);
    await sql.connect();
  });
  afterAll(async () => {
    await gateway?.stop();
    await Promise.all(processes.map((p) => p.crash()));
    await sql?.end();
    await redis?.stop();
    await fresh?.drop();
  });

  it("loses and duplicates nothing through a replica crash, a Redis restart and dropped connections", async () => {
    const started = Date.now();
    const at = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
    const keys = await generateIdentityKeys();
    const prefix = `res${uniqueSuffix()}`;
    const base = {
      DATABASE_URL: fresh.url,
      REDIS_URL: redis.url,
      IDENTITY_PUBLIC_KEY: JSON.stringify(keys.publicJwk),
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: "warn",
    };
    const [ticketPort, kbPort, n1Port, n2Port] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    const url = (port: number) => `http://127.0.0.1:${port}`;
    const start = (name: string, port: number) => {
      const p = startServiceProcess(name, { ...base, PORT: String(port) });
      processes.push(p);
      return p;
    };

    const ticket = start("ticket", ticketPort);
    let notificationA = start("notification", n1Port);
    const notificationB = start("notification", n2Port);
    await Promise.all([
      // A busy machine compiles three services at once slowly.
      waitReady(url(ticketPort), ticket, 90_000),
      waitReady(url(n1Port), notificationA, 90_000),
      waitReady(url(n2Port), notificationB, 90_000),
    ]);
    gateway = await startGateway(
      testGatewayEnv({
        DATABASE_URL: fresh.url,
        REDIS_URL: redis.url,
        QUEUE_PREFIX: prefix,
        TICKET_URL: url(ticketPort),
        // The KB plays no part here; events routed to it wait in its queue.
        KB_URL: url(kbPort),
        NOTIFICATION_URL: url(n1Port),
        IDENTITY_PRIVATE_KEY: JSON.stringify(keys.privateJwk),
        API_REQUESTS_PER_MINUTE_PER_PERSON: "0",
        API_REQUESTS_PER_MINUTE_PER_IP: "0",
      }),
    );
    const { sessions } = await signedInWorkspace(gateway);
    say(`${at()} up: ticket, notification x2 (ports ${n1Port}, ${n2Port}), own redis ${redis.url}`);

    const load = ticketLoad(async (subject) => {
      const res = await fetch(`${gateway?.url}/api/ticket/trpc/tickets.create`, {
        method: "POST",
        headers: {
          cookie: sessions.customerA.cookie,
          "x-csrf-token": sessions.customerA.csrf,
          "content-type": "application/json",
        },
        body: JSON.stringify({ subject, description: "under fault" }),
        signal: AbortSignal.timeout(20_000),
      });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`${res.status} ${text.slice(0, 200)}`);
      return (JSON.parse(text) as { result: { data: { id: string } } }).result.data;
    });
    await sleep(3000);

    // (a) kill -9 one notification replica mid-load; the other keeps consuming; restart it.
    await notificationA.crash();
    say(
      `${at()} fault a: kill -9 notification replica on ${n1Port} (${load.attempted()} tickets so far)`,
    );
    await sleep(2000);
    notificationA = start("notification", n1Port);
    await waitReady(url(n1Port), notificationA, 60_000);
    say(`${at()} fault a: replica restarted`);
    await sleep(2000);

    // (b) Redis dies abruptly and comes back on the same port with its append-only file.
    await redis.restart(1500);
    say(`${at()} fault b: redis-server killed and restarted (${load.attempted()} tickets so far)`);
    await sleep(3000);

    // (c) Every connection of every process to this suite's database is cut.
    const cut = await sql.query<{ pid: number }>(
      `select pg_terminate_backend(pid) as pid from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()`,
    );
    say(`${at()} fault c: terminated ${cut.rowCount} Postgres connections`);
    await sleep(3000);

    await load.stop();
    say(
      `${at()} load stopped: ${load.attempted()} attempted, ${load.acknowledged.size} acknowledged, ${load.failed.length} failed`,
    );
    const reasons = new Map<string, number>();
    for (const f of load.failed) {
      const reason = f.error.replace(/,?"requestId":"[^"]*"/, "");
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    for (const [reason, n] of reasons) say(`  ${n} failed: ${reason}`);

    // Quiescence: every event published and every ticket.created handled.
    const counts = async () => {
      const r = await sql.query<{
        tickets: number;
        unpublished: number;
        created_events: number;
        inbox: number;
        notified_events: number;
      }>(
        `select (select count(*) from ticket.tickets)::int as tickets,
                (select count(*) from ticket.outbox where published_at is null)::int as unpublished,
                (select count(*) from ticket.outbox where type = 'ticket.created')::int as created_events,
                (select count(*) from notification.inbox where type = 'ticket.created')::int as inbox,
                (select count(distinct event_id) from notification.notifications
                  where kind = 'ticket.created')::int as notified_events`,
      );
      return r.rows[0]!;
    };
    const settled = await waitFor(
      "every ticket.created to be handled",
      async () => {
        const c = await counts().catch(() => undefined);
        return c && c.unpublished === 0 && c.inbox === c.created_events ? c : undefined;
      },
      90_000,
    ).catch(async (error: unknown) => {
      say(`not settled: ${JSON.stringify(await counts())}`);
      for (const p of processes) say(`process output:\n${p.output().slice(-3000)}`);
      throw error;
    });
    say(`${at()} settled: ${JSON.stringify(settled)}`);

    // Nothing arrives late a second time.
    const transport = createBullmqTransport({ redisUrl: redis.url, prefix });
    const queue = await transport.stats(eventQueueOf("notification"));
    await transport.close();
    await sleep(1500);
    const final = await counts();
    say(`${at()} notification queue: ${JSON.stringify(queue)}; final: ${JSON.stringify(final)}`);

    // Every acknowledged ticket is stored exactly once; none is stored twice.
    const stored = await sql.query<{ subject: string; n: number; ids: string[] }>(
      `select subject, count(*)::int as n, array_agg(id::text) as ids
         from ticket.tickets group by subject`,
    );
    const bySubject = new Map(stored.rows.map((r) => [r.subject, r]));
    const duplicates = stored.rows.filter((r) => r.n > 1);
    const missing = [...load.acknowledged].filter(
      ([subject, id]) => bySubject.get(subject)?.ids[0] !== id,
    );
    say(
      `tickets: ${load.acknowledged.size} acknowledged, ${final.tickets} stored, ${missing.length} missing, ${duplicates.length} duplicated`,
    );
    expect(duplicates).toEqual([]);
    expect(missing).toEqual([]);
    expect(final.tickets).toBeGreaterThanOrEqual(load.acknowledged.size);
    expect(final.tickets).toBeLessThanOrEqual(load.acknowledged.size + load.failed.length);

    // One ticket.created per stored ticket, each handled exactly once, each with its
    // notifications (one per recipient: the agents the directory knows, or the agents' feed).
    const perEvent = await sql.query<{ n: number }>(
      `select count(n.id)::int as n from ticket.outbox o
         left join notification.notifications n on n.event_id = o.id and n.kind = 'ticket.created'
        where o.type = 'ticket.created' group by o.id`,
    );
    const doubled = await sql.query(
      `select event_id from notification.notifications
        group by event_id, kind, audience, recipient_id having count(*) > 1`,
    );
    const fanOut = new Map<number, number>();
    for (const r of perEvent.rows) fanOut.set(r.n, (fanOut.get(r.n) ?? 0) + 1);
    say(
      `events: ${final.created_events} ticket.created, ${final.inbox} handled once each; ` +
        `notifications per event (count: events) ${JSON.stringify(Object.fromEntries(fanOut))}; ` +
        `${doubled.rowCount} doubled`,
    );
    expect(final.created_events).toBe(final.tickets);
    expect(final.inbox).toBe(final.created_events);
    expect(final.notified_events).toBe(final.created_events);
    expect(fanOut.has(0)).toBe(false);
    expect(doubled.rowCount).toBe(0);
    expect(queue.waiting + queue.active + queue.delayed).toBe(0);
    expect(load.acknowledged.size).toBeGreaterThan(10);
  }, 240_000);
});
