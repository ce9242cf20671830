import { z } from "zod";
import type { Db } from "@signpost/db";
import {
  drainInBatches,
  PermanentJobError,
  startRelayLoop,
  type Logger,
  type RelayLoop,
  type Transport,
} from "@signpost/queue";
import { runSlaCheck } from "./sla-check.ts";
import type { TicketAutomation } from "./ticket-automation.ts";

/** The queue of the ticket service's delayed jobs (SLA warnings, breaches, auto-close). */
export const timerQueue = "timers.ticket";

const ZSlaCheckJob = z.object({
  ticketId: z.uuid(),
  workspaceId: z.uuid(),
  timerId: z.uuid(),
});

const jobIdOf = (ticketId: string, timerId: string) => `sla.${ticketId}.${timerId}`;

const batchSize = 100;
const leaseSeconds = 30;

/** Kick it after setting a timer; `flush` resolves with how many timers it enqueued. */
export type SlaTimers = RelayLoop;

/**
 * Runs the SLA timers. A change that moves a ticket's next check writes a new timer id with
 * `timer_enqueued = false` in its own transaction; this relay then enqueues a delayed job with that
 * id (so a crash between commit and enqueue only delays it to the next poll, and a restart loses
 * nothing), leasing rows with SKIP LOCKED so replicas share the work. Enqueueing the same job id
 * twice is one job on both transports.
 */
export function startSlaTimers(opts: {
  db: Db;
  transport: Transport;
  automation: TicketAutomation;
  logger: Logger;
  /** Publishes the outbox after a timer fired an event. */
  kickRelay: () => void;
  pollMs?: number;
}): SlaTimers {
  const { db, transport, logger } = opts;
  const loop = startRelayLoop({
    name: "sla timer relay",
    logger,
    pollMs: opts.pollMs ?? 500,
    pass: () => drainInBatches(relayOnce, batchSize),
  });

  transport.consume(
    timerQueue,
    async (job) => {
      const parsed = ZSlaCheckJob.safeParse(job.data);
      if (!parsed.success) throw new PermanentJobError(`malformed timer ${job.id}`);
      const outcome = await db.transaction((tx) => runSlaCheck(tx, parsed.data, opts.automation));
      logger.info({ jobId: job.id, outcome }, "sla timer ran");
      if (outcome === "checked") {
        opts.kickRelay();
        loop.kick();
      }
    },
    { concurrency: 4 },
  );

  async function relayOnce(): Promise<number> {
    const { rows } = await db.query<{
      ticket_id: string;
      workspace_id: string;
      timer_id: string;
      next_check_at: Date;
      timer_stale_id: string | null;
    }>(
      `update ticket.ticket_slas
          set timer_claimed_until = now() + make_interval(secs => ${leaseSeconds})
        where ticket_id in (
          select ticket_id from ticket.ticket_slas
           where not timer_enqueued
             and (timer_claimed_until is null or timer_claimed_until < now())
           limit ${batchSize}
           for update skip locked)
        returning ticket_id, workspace_id, timer_id, next_check_at, timer_stale_id`,
    );
    const done: { ticketId: string; timerId: string }[] = [];
    try {
      // One pipelined enqueue for the batch: a round trip and a script call's setup per timer
      // cost more than the rest of opening a ticket under load.
      await transport.enqueueMany(
        timerQueue,
        rows.map((r) => ({
          id: jobIdOf(r.ticket_id, r.timer_id),
          name: "sla.check",
          data: { ticketId: r.ticket_id, workspaceId: r.workspace_id, timerId: r.timer_id },
          delayMs: Math.max(0, new Date(r.next_check_at).getTime() - Date.now()),
        })),
      );
      for (const r of rows) {
        if (r.timer_stale_id)
          await transport.cancel(timerQueue, jobIdOf(r.ticket_id, r.timer_stale_id));
        done.push({ ticketId: r.ticket_id, timerId: r.timer_id });
      }
    } finally {
      // One write for every timer enqueued (one per ticket cost a commit each under load); if
      // it is lost, the lease runs out and the same job ids are enqueued again, a no-op.
      if (done.length > 0) {
        await db.query(
          `update ticket.ticket_slas s
              set timer_enqueued = true, timer_claimed_until = null, timer_stale_id = null
             from unnest($1::uuid[], $2::uuid[]) as d(ticket_id, timer_id)
            where s.ticket_id = d.ticket_id and s.timer_id = d.timer_id`,
          [done.map((d) => d.ticketId), done.map((d) => d.timerId)],
        );
      }
    }
    return rows.length;
  }

  return loop;
}
