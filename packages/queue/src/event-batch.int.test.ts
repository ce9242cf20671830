import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { eventQueueOf, type EventOf } from "@signpost/contracts";
import { createPgDb, migrate, type Db } from "@signpost/db";
import { describeWithInfra, freshDatabase, uniqueSuffix, waitFor } from "@signpost/testkit";
import { buildEvent } from "./build-event.ts";
import { createBullmqTransport } from "./bullmq-transport.ts";
import { createEmbeddedTransport } from "./embedded-transport.ts";
import { eventBatchJob, eventJobOf } from "./event-batch.ts";
import { consumeEvents } from "./event-consumer.ts";
import { messagingMigrations } from "./messaging-migration.ts";
import { appendToOutbox, startOutboxRelay } from "./outbox.ts";
import type { Logger } from "./logger.ts";
import { leaveForTheEnd } from "./transaction-end.ts";
import type { Job, Transport } from "./transport.ts";

const schema = "batchsvc";
const queue = eventQueueOf("kb");
const logger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => logger,
};

const resolved = (n: number) =>
  buildEvent("ticket.resolved", {
    workspaceId: randomUUID(),
    orgId: null,
    payload: {
      ticketId: randomUUID(),
      number: n,
      resolvedAt: new Date().toISOString(),
      subject: `Ticket ${n}`,
      description: "d",
      category: "general",
      resolution: null,
    },
  });

/** The real transport, with a record of what was enqueued on it (to count jobs per event). */
function recording(t: Transport): { t: Transport; enqueued: Job[] } {
  const enqueued: Job[] = [];
  return {
    enqueued,
    t: {
      ...t,
      enqueue: async (q, job, options) => {
        if (q === queue) enqueued.push(job);
        return t.enqueue(q, job, options);
      },
      enqueueMany: async (q, jobs, options) => {
        if (q === queue) enqueued.push(...jobs);
        return t.enqueueMany(q, jobs, options);
      },
    },
  };
}

for (const kind of ["bullmq", "embedded"] as const)
  describeWithInfra(`events relayed together (${kind} transport)`, (infra) => {
    let db: Db;
    let drop: () => Promise<void>;
    let transport: Transport;
    let enqueued: Job[];
    const handled: string[] = [];
    /** The events of each write a handler left for its transaction's end, in the order written. */
    const endWrites: string[][] = [];
    /** Events whose handler fails this many more times (a lost connection) before it succeeds. */
    const failures = new Map<string, number>();
    beforeAll(async () => {
      const fresh = await freshDatabase(infra.databaseUrl);
      drop = fresh.drop;
      db = createPgDb({ url: fresh.url });
      await migrate(db, schema, [...messagingMigrations]);
      // What a handler does, with no key of its own: a repeated effect would show as a second row.
      await db.exec(`create table ${schema}.effects (event_id uuid not null)`);
      await db.exec(`create table ${schema}.late_effects (event_id uuid not null)`);
      const real =
        kind === "bullmq"
          ? createBullmqTransport({ redisUrl: infra.redisUrl, prefix: `t${uniqueSuffix()}` })
          : await createEmbeddedTransport({ db });
      ({ t: transport, enqueued } = recording(real));
      consumeEvents({
        service: "kb",
        schema,
        db,
        transport,
        logger,
        concurrency: 4,
        batch: 4,
        handlers: {
          "ticket.resolved": async (tx, e: EventOf<"ticket.resolved">) => {
            const left = failures.get(e.id) ?? 0;
            if (left > 0) {
              failures.set(e.id, left - 1);
              throw new Error("connection lost");
            }
            await tx.query(`insert into ${schema}.effects (event_id) values ($1)`, [e.id]);
            // The same effect, left for the end: the batch's events write theirs together. Written
            // at once, the write's count would come back; left, nothing does.
            const writtenNow = await leaveForTheEnd(tx, "late", [e.id], async (t, ids) => {
              endWrites.push(ids);
              await t.query(`insert into ${schema}.late_effects select unnest($1::uuid[])`, [ids]);
              return ids.length;
            });
            expect(writtenNow).toBeUndefined();
            handled.push(e.id);
          },
        },
      });
    });
    afterAll(async () => {
      await transport.close();
      await db.close();
      await drop();
    });

    it("travel as one job, each handled once; a malformed one is dead-lettered alone", async () => {
      const good = [resolved(1), resolved(2), resolved(3)];
      const badId = randomUUID();
      await db.transaction(async (tx) => {
        await appendToOutbox(tx, schema, good[0]!);
        // Written around the contract, as an older or broken producer might.
        await tx.query(`insert into ${schema}.outbox (id, type, envelope) values ($1, $2, $3)`, [
          badId,
          "ticket.resolved",
          JSON.stringify({ id: badId, type: "ticket.resolved", version: 2, payload: {} }),
        ]);
        for (const e of good.slice(1)) await appendToOutbox(tx, schema, e);
      });
      const relay = startOutboxRelay({ db, schema, transport, logger, pollMs: 60_000 });
      expect(await relay.flush()).toBe(4);
      await relay.stop();

      await waitFor("the good events handled", async () => handled.length === 3);
      expect(handled.sort()).toEqual(good.map((e) => e.id).sort());
      const { rows } = await db.query<{ event_id: string }>(`select event_id from ${schema}.inbox`);
      expect(rows.map((r) => r.event_id).sort()).toEqual(good.map((e) => e.id).sort());

      // One job carried all four; the malformed one then went on alone, under its own id.
      expect(enqueued[0]).toMatchObject({ name: eventBatchJob });
      expect((enqueued[0]?.data as { events: unknown[] }).events).toHaveLength(4);
      expect(enqueued.slice(1).map((j) => j.id)).toEqual([badId]);
      await waitFor("the malformed event dead-lettered", async () =>
        (await transport.deadLetters(queue)).some((d) => d.id === badId),
      );
      const dead = await transport.deadLetters(queue);
      expect(dead.map((d) => d.id)).toEqual([badId]);
      expect(dead[0]?.error).toMatch(/rejected event/);
      await new Promise((r) => setTimeout(r, 300));
      expect(handled).toHaveLength(3);
      // What the three handlers left for the end went in one statement, at the end of their one
      // transaction.
      expect(endWrites.map((ids) => ids.sort())).toEqual([good.map((e) => e.id).sort()]);
      expect(await lateEffects(good.map((e) => e.id))).toEqual([1, 1, 1]);
    });

    it("the same event twice in one job is handled once, its id in any case", async () => {
      // Postgres answers a uuid in lower case; the contract accepts either.
      const plain = resolved(8);
      const e = { ...plain, id: plain.id.toUpperCase() };
      const twice = eventJobOf([
        { id: e.id, type: e.type, envelope: e },
        { id: e.id, type: e.type, envelope: e },
      ]);
      await transport.enqueue(queue, twice);
      await waitFor("the event handled", async () => handled.includes(e.id));
      await new Promise((r) => setTimeout(r, 300));
      expect(handled.filter((id) => id === e.id)).toHaveLength(1);
      expect(await lateEffects([plain.id])).toEqual([1]);
    });

    /** How many late effects each of these events has (one figure per event that has any). */
    async function lateEffects(ids: string[]): Promise<number[]> {
      const { rows } = await db.query<{ n: number }>(
        `select count(*)::int as n from ${schema}.late_effects
          where event_id = any($1::uuid[]) group by event_id`,
        [ids],
      );
      return rows.map((r) => r.n);
    }

    it("a single event still travels as itself, under its own id", async () => {
      const e = resolved(4);
      await db.transaction((tx) => appendToOutbox(tx, schema, e));
      const relay = startOutboxRelay({ db, schema, transport, logger, pollMs: 60_000 });
      expect(await relay.flush()).toBe(1);
      await relay.stop();
      await waitFor("the event handled", async () => handled.includes(e.id));
      expect(enqueued.at(-1)).toMatchObject({ id: e.id, name: "ticket.resolved" });
    });

    it("an event that fails in a batch is retried alone; the others are not repeated", async () => {
      const events = [resolved(5), resolved(6), resolved(7)];
      // Twice: the group commit's own retry alone fails too, so the event needs a later delivery.
      failures.set(events[1]!.id, 2);
      await db.transaction(async (tx) => {
        for (const e of events) await appendToOutbox(tx, schema, e);
      });
      const relay = startOutboxRelay({ db, schema, transport, logger, pollMs: 60_000 });
      expect(await relay.flush()).toBe(3);
      await relay.stop();
      await waitFor("all three handled", async () => events.every((e) => handled.includes(e.id)));
      expect(enqueued.at(-1)).toMatchObject({ id: events[1]!.id, name: "ticket.resolved" });
      await new Promise((r) => setTimeout(r, 300));
      // Handlers of a group commit may run again after a rollback; what they wrote is kept once.
      const { rows } = await db.query<{ event_id: string; n: number }>(
        `select event_id, count(*)::int as n from ${schema}.effects
          where event_id = any($1::uuid[]) group by event_id`,
        [events.map((e) => e.id)],
      );
      expect(rows.map((r) => r.n)).toEqual([1, 1, 1]);
      // So is what they left for the end: the rolled-back batch's write went with it.
      expect(await lateEffects(events.map((e) => e.id))).toEqual([1, 1, 1]);
    });
  });
