import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import pino from "pino";
import { startGateway } from "@signpost/gateway";
import { createPgDb } from "@signpost/db";
import { createBullmqTransport } from "@signpost/queue";
import { generateIdentityKeys, identityVerifier } from "@signpost/service-kit";
import { createTicketService } from "@signpost/ticket";
import { describeWithInfra, waitFor } from "@signpost/testkit";
import { embeddedMode, postgresMode, type RunMode, testGatewayEnv } from "../support/run-modes.ts";
import { countOf, eventsOf, seconds, sleep, slaWorkspace } from "./sla-support.ts";

const tightPolicy = {
  name: "Tight urgent",
  priority: "urgent" as const,
  firstResponseMinutes: seconds(5),
  resolutionMinutes: 600,
};

/** A timer set before a restart fires after it, once, on the same data. */
function restartSuite(mode: string, envFor: () => Promise<RunMode>) {
  describe(`SLA timers across a restart (${mode})`, () => {
    let made: RunMode | undefined;
    afterAll(async () => made?.cleanup());

    it("fires the breach after the process that set it stopped", async () => {
      made = await envFor();
      const env = testGatewayEnv(made.env);
      const first = await startGateway(env);
      const { admin, customer } = await slaWorkspace(first);
      await admin.sla.policies.create.mutate(tightPolicy);
      const t = await customer.tickets.create.mutate({
        subject: "Outage",
        description: "All down",
        priority: "urgent",
      });
      await first.stop();

      const second = await startGateway(env);
      try {
        await waitFor(
          "the breach after the restart",
          async () => countOf(await eventsOf(second.db, t.id), "sla.breached") === 1,
          20_000,
        );
        await sleep(1000);
        const events = await eventsOf(second.db, t.id);
        expect(countOf(events, "sla.breached", "first_response")).toBe(1);
        expect(countOf(events, "sla.warning", "first_response")).toBeLessThanOrEqual(1);
      } finally {
        await second.stop();
      }
    }, 180_000); // two start-ups of the whole product, on a shared machine
  });
}

restartSuite("embedded", embeddedMode);

describeWithInfra("SLA timers on Postgres and BullMQ", (infra) => {
  restartSuite("postgres + bullmq", () => postgresMode(infra));

  describe("timers of many tickets", () => {
    let made: RunMode | undefined;
    afterAll(async () => made?.cleanup());

    it("share a job per second they fall due in, and each still fires once", async () => {
      made = await postgresMode(infra);
      const gw = await startGateway(testGatewayEnv(made.env));
      const transport = createBullmqTransport({
        redisUrl: infra.redisUrl,
        ...(made.env.QUEUE_PREFIX ? { prefix: made.env.QUEUE_PREFIX } : {}),
      });
      try {
        const { admin, customer } = await slaWorkspace(gw);
        await admin.sla.policies.create.mutate(tightPolicy);
        const tickets = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            customer.tickets.create.mutate({
              subject: `Outage ${i}`,
              description: "All down",
              priority: "urgent",
            }),
          ),
        );
        await waitFor("every timer enqueued", async () => {
          const { rows } = await gw.db.query<{ n: number }>(
            `select count(*)::int as n from ticket.ticket_slas
              where ticket_id = any($1::uuid[]) and timer_enqueued`,
            [tickets.map((t) => t.id)],
          );
          return rows[0]?.n === tickets.length;
        });
        // Eight warnings due within the same second or two: one or two delayed jobs, not eight.
        const { delayed } = await transport.stats("timers.ticket");
        expect(delayed).toBeGreaterThanOrEqual(1);
        expect(delayed).toBeLessThanOrEqual(2);
        await waitFor(
          "every breach",
          async () => {
            for (const t of tickets) {
              if (countOf(await eventsOf(gw.db, t.id), "sla.breached") < 1) return false;
            }
            return true;
          },
          15_000,
        );
        await sleep(1500);
        for (const t of tickets) {
          const events = await eventsOf(gw.db, t.id);
          expect(countOf(events, "sla.warning", "first_response")).toBe(1);
          expect(countOf(events, "sla.breached", "first_response")).toBe(1);
        }
      } finally {
        await transport.close();
        await gw.stop();
      }
    }, 120_000);
  });

  describe("a timer whose check fails", () => {
    let made: RunMode | undefined;
    afterAll(async () => made?.cleanup());

    it("holds back none of the timers sharing its job, and fires once the fault is gone", async () => {
      made = await postgresMode(infra);
      const gw = await startGateway(testGatewayEnv(made.env));
      try {
        const { admin, customer } = await slaWorkspace(gw);
        // Twelve seconds to the breach: room to check both between the warning (9 s) and it.
        await admin.sla.policies.create.mutate({
          ...tightPolicy,
          firstResponseMinutes: seconds(12),
        });
        const [sick, well] = await Promise.all(
          ["Sick", "Well"].map((subject) =>
            customer.tickets.create.mutate({
              subject,
              description: "All down",
              priority: "urgent",
            }),
          ),
        );
        // A fault in the database for one ticket: any check that would warn about it fails.
        await gw.db.query(
          `create function ticket.test_poison() returns trigger language plpgsql as $$
           begin
             if new.ticket_id = '${sick!.id}' and new.fr_warned is distinct from old.fr_warned then
               raise exception 'poisoned for the test';
             end if;
             return new;
           end $$`,
        );
        await gw.db.query(
          `create trigger test_poison before update on ticket.ticket_slas
             for each row execute function ticket.test_poison()`,
        );
        // Both next checks at the same instant, between the warning (9 s) and the breach (12 s):
        // one job checks both, the sick ticket first or second as their ids fall.
        await gw.db.query(
          `update ticket.ticket_slas
              set next_check_at = (select min(created_at) + interval '9.5 seconds'
                                     from ticket.tickets where id = any($1::uuid[])),
                  timer_id = gen_random_uuid(), timer_enqueued = false, timer_claimed_until = null
            where ticket_id = any($1::uuid[])`,
          [[sick!.id, well!.id]],
        );
        await waitFor(
          "the other ticket's breach",
          async () => countOf(await eventsOf(gw.db, well!.id), "sla.breached") === 1,
          25_000,
        );
        expect(countOf(await eventsOf(gw.db, sick!.id), "sla.warning")).toBe(0);
        // Its failed check was put off to a later second, out of the way of the others.
        const { rows } = await gw.db.query<{ later: boolean }>(
          `select next_check_at > now() as later from ticket.ticket_slas where ticket_id = $1`,
          [sick!.id],
        );
        expect(rows[0]?.later).toBe(true);

        await gw.db.query(`drop trigger test_poison on ticket.ticket_slas`);
        await waitFor(
          "the sick ticket's breach once the fault is gone",
          async () => countOf(await eventsOf(gw.db, sick!.id), "sla.breached") === 1,
          30_000,
        );
        await sleep(1000);
        const wellEvents = await eventsOf(gw.db, well!.id);
        expect(countOf(wellEvents, "sla.warning", "first_response")).toBe(1);
        expect(countOf(wellEvents, "sla.breached", "first_response")).toBe(1);
        // Checked only after its breach fell due: the breach fires, the passed warning need not.
        const sickEvents = await eventsOf(gw.db, sick!.id);
        expect(countOf(sickEvents, "sla.warning", "first_response")).toBeLessThanOrEqual(1);
        expect(countOf(sickEvents, "sla.breached", "first_response")).toBe(1);
      } finally {
        await gw.stop();
      }
    }, 120_000);
  });

  describe("two replicas", () => {
    let made: RunMode | undefined;
    afterAll(async () => made?.cleanup());

    it("fires each warning and breach once, even when a timer is delivered to both", async () => {
      made = await postgresMode(infra);
      const gw = await startGateway(testGatewayEnv(made.env));
      // A second ticket service on the same database and queues: relay, consumers and timers.
      const db = createPgDb({ url: made.env.DATABASE_URL ?? "" });
      const transport = createBullmqTransport({
        redisUrl: infra.redisUrl,
        ...(made.env.QUEUE_PREFIX ? { prefix: made.env.QUEUE_PREFIX } : {}),
      });
      const replica = createTicketService(
        {
          db,
          transport,
          logger: pino({ level: "silent" }),
          verifyIdentity: await identityVerifier((await generateIdentityKeys()).publicJwk),
        },
        { attachmentsDir: await mkdtemp(join(tmpdir(), "signpost-replica-")) },
      );
      await replica.migrate();
      replica.start();
      try {
        const { admin, customer } = await slaWorkspace(gw);
        await admin.sla.policies.create.mutate(tightPolicy);
        const t = await customer.tickets.create.mutate({
          subject: "Outage",
          description: "All down",
          priority: "urgent",
        });
        // Deliver the ticket's current timer a second time, to the other replica, as a queue
        // might after a lost acknowledgement: only the row lock and the flags stand between it
        // and a second event.
        const timer = await waitFor("the timer to be enqueued", async () => {
          const { rows } = await db.query<{ timer_id: string; workspace_id: string }>(
            `select timer_id, workspace_id from ticket.ticket_slas
              where ticket_id = $1 and timer_enqueued`,
            [t.id],
          );
          return rows[0];
        });
        for (const [i, delayMs] of [3750, 3760, 5000, 5010].entries()) {
          await transport.enqueue(
            "timers.ticket",
            {
              id: `duplicate.${t.id}.${i}`,
              name: "sla.check",
              data: { ticketId: t.id, workspaceId: timer.workspace_id, timerId: timer.timer_id },
            },
            { delayMs },
          );
        }
        await waitFor(
          "the breach",
          async () => countOf(await eventsOf(gw.db, t.id), "sla.breached") === 1,
          15_000,
        );
        await sleep(1500);
        const events = await eventsOf(gw.db, t.id);
        expect(countOf(events, "sla.warning", "first_response")).toBe(1);
        expect(countOf(events, "sla.breached", "first_response")).toBe(1);
      } finally {
        await replica.stop();
        await transport.close();
        await db.close();
        await gw.stop();
      }
    }, 120_000);
  });
});
