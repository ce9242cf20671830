/**
 * Notification throughput and latency on real Postgres and Redis (BullMQ), through the real path:
 * a producer commits `ticket.created` in its outbox, the relay queues it, the notification
 * service's consumer writes each group member's notification.
 *
 *   DATABASE_URL=postgres://... REDIS_URL=redis://... pnpm bench:notification [--events 4000] [--seconds 10] [--rate 200]
 *     [--concurrency N --batch N]   (the consumer's events in flight and events per transaction)
 *
 * Prints events/s into notifications, p50/p95 from a ticket's commit to its notification being
 * visible at a steady rate, and the same percentiles for a bare BullMQ add→process round trip on
 * this machine, with their ratio. Targets (issue #6): ≥1,000 events/s, p95 < 150 ms.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { createPgDb, migrate, type Db } from "@signpost/db";
import { createNotificationService } from "@signpost/notification";
import {
  appendToOutbox,
  buildEvent,
  createBullmqTransport,
  messagingMigrations,
  startOutboxRelay,
} from "@signpost/queue";
import { createLogger, generateIdentityKeys, identityVerifier } from "@signpost/service-kit";
import { freshDatabase, uniqueSuffix } from "@signpost/testkit";

const { values: args } = parseArgs({
  options: {
    events: { type: "string", default: "4000" },
    seconds: { type: "string", default: "10" },
    rate: { type: "string", default: "200" },
    // The consumer's settings, to compare against (defaults: the service's own).
    concurrency: { type: "string" },
    batch: { type: "string" },
  },
});
const databaseUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
if (!databaseUrl || !redisUrl) {
  console.error("Set DATABASE_URL and REDIS_URL: this benchmark runs on real Postgres and Redis.");
  process.exit(1);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const producer = "bench_producer";

async function main() {
  const fresh = await freshDatabase(databaseUrl!);
  const db: Db = createPgDb({ url: fresh.url });
  const prefix = `bench${uniqueSuffix()}`;
  const transport = createBullmqTransport({ redisUrl: redisUrl!, prefix });
  const logger = createLogger("bench", "silent");
  const keys = await generateIdentityKeys();
  const service = createNotificationService(
    { db, transport, logger, verifyIdentity: await identityVerifier(keys.publicJwk) },
    {
      mailFrom: "support@bench.test",
      publicUrl: "http://bench.test",
      ...(args.concurrency ? { consumerConcurrency: Number(args.concurrency) } : {}),
      ...(args.batch ? { consumerBatch: Number(args.batch) } : {}),
    },
  );
  await service.migrate();
  await migrate(db, producer, [...messagingMigrations]);
  service.start();
  let relay = startOutboxRelay({ db, schema: producer, transport, logger, pollMs: 20 });

  // A workspace with a two-agent group: each ticket is one event and two notifications.
  const workspaceId = randomUUID();
  const groupId = randomUUID();
  const agents = [randomUUID(), randomUUID()];
  const directory = [
    ...agents.map((userId, i) =>
      buildEvent("directory.user.changed", {
        workspaceId,
        orgId: null,
        payload: {
          userId,
          email: `a${i}@bench.test`,
          name: `Agent ${i}`,
          roles: ["agent"],
          orgId: null,
          active: true,
        },
      }),
    ),
    buildEvent("directory.group.changed", {
      workspaceId,
      orgId: null,
      payload: { groupId, name: "Bench", memberIds: agents, deleted: false },
    }),
  ];
  await db.transaction(async (tx) => {
    for (const e of directory) await appendToOutbox(tx, producer, e);
  });
  relay.kick();
  const count = async () =>
    (await db.query<{ n: number }>(`select count(*)::int as n from notification.notifications`))
      .rows[0]?.n ?? 0;
  for (let i = 0; i < 200; i++) {
    const { rows } = await db.query(`select 1 from notification.directory_people`);
    if (rows.length === 2) break;
    await sleep(50);
  }

  let n = 1000;
  const ticket = () =>
    buildEvent("ticket.created", {
      workspaceId,
      orgId: null,
      payload: {
        ticketId: randomUUID(),
        number: ++n,
        subject: "Bench ticket",
        requesterId: randomUUID(), // unknown to the directory: no acknowledgement mail
        assigneeId: null,
        groupId,
        priority: "medium",
        category: "general",
        source: "api",
        inboundMessageId: null,
      },
    });

  // 1. Throughput: a backlog of events committed while the relay is stopped, then relayed,
  // queued and drained by the consumers: the clock covers the path from the outbox on, not the
  // producer's own inserts.
  const total = Number(args.events);
  await relay.stop();
  for (let i = 0; i < total; i += 100) {
    await db.transaction(async (tx) => {
      for (let j = i; j < Math.min(total, i + 100); j++)
        await appendToOutbox(tx, producer, ticket());
    });
  }
  const start = performance.now();
  relay = startOutboxRelay({ db, schema: producer, transport, logger, pollMs: 20 });
  relay.kick();
  for (;;) {
    if ((await count()) >= total * agents.length) break;
    await sleep(20);
  }
  const seconds = (performance.now() - start) / 1000;
  const eventsPerSecond = total / seconds;

  // 2. Latency at a steady rate: commit → the notification row is visible to a reader.
  const rate = Number(args.rate);
  const duration = Number(args.seconds) * 1000;
  const committedAt = new Map<string, number>();
  const latencies: number[] = [];
  let lastSeq =
    (
      await db.query<{ s: string }>(
        `select coalesce(max(seq), 0)::text as s from notification.notifications`,
      )
    ).rows[0]?.s ?? "0";
  let producing = true;
  const watcher = (async () => {
    while (producing || committedAt.size > 0) {
      const { rows } = await db.query<{ ticket_id: string; seq: string }>(
        `select ticket_id, seq::text as seq from notification.notifications where seq > $1 order by seq`,
        [lastSeq],
      );
      const now = performance.now();
      for (const r of rows) {
        lastSeq = r.seq;
        const t = committedAt.get(r.ticket_id);
        if (t !== undefined) {
          latencies.push(now - t);
          committedAt.delete(r.ticket_id);
        }
      }
      if (!producing && rows.length === 0 && committedAt.size > 0) await sleep(5);
      await sleep(2);
    }
  })();
  const begin = performance.now();
  let sent = 0;
  while (performance.now() - begin < duration) {
    const due = Math.floor(((performance.now() - begin) / 1000) * rate);
    while (sent < due) {
      const e = ticket();
      await db.transaction((tx) => appendToOutbox(tx, producer, e));
      if (e.type === "ticket.created") committedAt.set(e.payload.ticketId, performance.now());
      relay.kick();
      sent++;
    }
    await sleep(1);
  }
  const achievedRate = sent / ((performance.now() - begin) / 1000);
  producing = false;
  const deadline = performance.now() + 30_000;
  while (committedAt.size > 0 && performance.now() < deadline) await sleep(20);
  committedAt.clear();
  await watcher;

  await relay.stop();
  await service.stop();
  await transport.close();
  await db.close();
  await fresh.drop();

  // 3. The floor: a bare BullMQ add → process round trip at the same rate on the same Redis.
  const bare = await bareBullmq(redisUrl!, rate, duration);
  const bareRate = await bareBullmqThroughput(redisUrl!, total);

  const p50 = pct(latencies, 50);
  const p95 = pct(latencies, 95);
  console.log(
    `notification bench (${total} events backlog; ${sent} tickets at ${rate}/s asked, ${achievedRate.toFixed(0)}/s achieved by the producer, for ${duration / 1000}s)`,
  );
  console.log(
    `  throughput into notifications: ${eventsPerSecond.toFixed(0)} events/s (${(eventsPerSecond * agents.length).toFixed(0)} notifications/s)`,
  );
  console.log(
    `  bare BullMQ backlog drained:    ${bareRate.toFixed(0)} jobs/s (same count, empty handler); notification / bare ${(eventsPerSecond / bareRate).toFixed(2)}`,
  );
  console.log(
    `  commit → notification visible: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${latencies.length} samples)`,
  );
  console.log(
    `  bare BullMQ add → process:     p50 ${bare.p50.toFixed(1)} ms, p95 ${bare.p95.toFixed(1)} ms (${bare.samples} samples)`,
  );
  console.log(
    `  ratio (notification / bare):   p50 ${(p50 / bare.p50).toFixed(1)}x, p95 ${(p95 / bare.p95).toFixed(1)}x`,
  );
  console.log(
    `  targets: ≥1000 events/s ${eventsPerSecond >= 1000 ? "met" : "NOT met"}; p95 < 150 ms ${p95 < 150 ? "met" : "NOT met"}`,
  );
}

/** Jobs/s through BullMQ alone: `count` jobs added in batches of 100, handled by an empty handler. */
async function bareBullmqThroughput(url: string, count: number) {
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  const workerConnection = new Redis(url, { maxRetriesPerRequest: null });
  const name = `barerate${uniqueSuffix()}`;
  const queue = new Queue(name, { connection, prefix: "benchbare" });
  let done = 0;
  const worker = new Worker(name, async () => void done++, {
    connection: workerConnection,
    prefix: "benchbare",
    concurrency: 32,
  });
  const begin = performance.now();
  for (let i = 0; i < count; i += 100) {
    const n = Math.min(100, count - i);
    await queue.addBulk(
      Array.from({ length: n }, () => ({ name: "j", data: {}, opts: { removeOnComplete: true } })),
    );
  }
  while (done < count && performance.now() - begin < 60_000) await sleep(5);
  const rate = done / ((performance.now() - begin) / 1000);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  workerConnection.disconnect();
  return rate;
}

async function bareBullmq(url: string, rate: number, duration: number) {
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  const workerConnection = new Redis(url, { maxRetriesPerRequest: null });
  const name = `bare${uniqueSuffix()}`;
  const queue = new Queue(name, { connection, prefix: "benchbare" });
  const latencies: number[] = [];
  const worker = new Worker(
    name,
    async (job) => void latencies.push(performance.now() - (job.data as { t: number }).t),
    { connection: workerConnection, prefix: "benchbare", concurrency: 4 },
  );
  const begin = performance.now();
  let sent = 0;
  while (performance.now() - begin < duration) {
    const due = Math.floor(((performance.now() - begin) / 1000) * rate);
    while (sent < due) {
      await queue.add("j", { t: performance.now() }, { removeOnComplete: true });
      sent++;
    }
    await sleep(1);
  }
  while (latencies.length < sent && performance.now() - begin < duration + 10_000) await sleep(10);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  workerConnection.disconnect();
  return { p50: pct(latencies, 50), p95: pct(latencies, 95), samples: latencies.length };
}

await main();
