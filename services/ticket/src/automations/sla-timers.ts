import { z } from "zod";
import type { Db } from "@signpost/db";
import {
  drainInBatches,
  PermanentJobError,
  startRelayLoop,
  type Job,
  type Logger,
  type RelayLoop,
  type Transport,
} from "@signpost/queue";
import { runSlaCheck, type SlaCheckJob } from "./sla-check.ts";
import type { TicketAutomation } from "./ticket-automation.ts";

/** The queue of the ticket service's delayed jobs (SLA warnings, breaches, auto-close). */
export const timerQueue = "timers.ticket";
const slotJob = "sla.slot";

const ZSlaCheckJob = z.object({
  ticketId: z.uuid(),
  workspaceId: z.uuid(),
  timerId: z.uuid(),
});
const ZSlotJob = z.object({ dueBy: z.number().int().positive() });

const jobIdOf = (ticketId: string, timerId: string) => `sla.${ticketId}.${timerId}`;

/** Timers due further out than this share one job per second; nearer ones get their own. */
const slotFromMs = 2_000;
const slotMs = 1_000;
const batchSize = 100;
const retryFailedCheckSeconds = 10;

/** A ticket's current timer, as the relay and the slot jobs read it. */
interface TimerRow {
  ticket_id: string;
  workspace_id: string;
  timer_id: string;
  next_check_at: Date;
}

const checkOf = (r: TimerRow): SlaCheckJob => ({
  ticketId: r.ticket_id,
  workspaceId: r.workspace_id,
  timerId: r.timer_id,
});

/** Kick it after setting a timer; `flush` resolves with how many timers it enqueued. */
export type SlaTimers = RelayLoop;

/**
 * Runs the SLA timers. A change that moves a ticket's next check writes a new timer id with
 * `timer_enqueued = false` in its own transaction; this relay then enqueues a delayed job for it
 * (so a crash between commit and enqueue only delays it to the next poll, and a restart loses
 * nothing). Replicas may read the same timers at once; that costs a duplicate enqueue, no
 * duplicate job (see `relayOnce`).
 *
 * Timers share a job per second they fall due in (`sla.slot.<ms>`), which checks every timer
 * due by then: a job per ticket cost as much to enqueue as opening the ticket, and kept a delayed
 * job per open ticket in the queue. A timer due within two seconds gets a job of its own, so one
 * never waits on a slot whose job already ran (a slot's id is not enqueued again for a day). The
 * same job id twice is one job on both transports, and a timer a check finds moved does nothing,
 * so a job for a timer that was replaced needs no cancelling.
 */
export function startSlaTimers(opts: {
  db: Db;
  transport: Transport;
  automation: TicketAutomation;
  logger: Logger;
  /** Publishes the outbox after a timer fired an event. */
  kickRelay: () => void;
  pollMs?: number;
  /** How long a kicked pass waits for the ones after it (see `startRelayLoop`). */
  settleMs?: number;
}): SlaTimers {
  const { db, transport, logger } = opts;
  const loop = startRelayLoop({
    name: "sla timer relay",
    logger,
    pollMs: opts.pollMs ?? 500,
    // Each pass scans for timers not yet on the queue. Their checks fall at warnings and breaches,
    // seconds to hours ahead and queued with their own delay, so a pass a fifth of a second later
    // makes one at most that much late; a burst of ticket changes then shares a few passes.
    settleMs: opts.settleMs ?? 200,
    pass: () => drainInBatches(relayOnce, batchSize),
  });

  async function check(job: SlaCheckJob): Promise<void> {
    const outcome = await db.transaction((tx) => runSlaCheck(tx, job, opts.automation));
    logger.info({ ticketId: job.ticketId, timerId: job.timerId, outcome }, "sla timer ran");
    if (outcome === "checked") {
      opts.kickRelay();
      loop.kick();
    }
  }

  /**
   * A timer whose check failed is tried again ten seconds later, under a new timer id the relay
   * queues: out of the seconds still to come, so it neither holds their jobs back nor fails them
   * (a job per second, each failing and kept as a dead letter, would bury the one that matters).
   * Until its check passes, every try logs it. Throws when even that write fails.
   */
  async function postpone(job: SlaCheckJob, error: unknown): Promise<void> {
    logger.error({ err: error, ...job }, "sla timer check failed; trying again shortly");
    await db.query(
      `update ticket.ticket_slas
          set next_check_at = now() + make_interval(secs => ${retryFailedCheckSeconds}),
              timer_id = gen_random_uuid(), timer_enqueued = false
        where ticket_id = $1 and timer_id = $2`,
      [job.ticketId, job.timerId],
    );
    loop.kick();
  }

  /**
   * Checks every timer due by `dueBy`, each once, in due order. A check moves its timer on; one
   * that finds nothing to do (its ticket gone) leaves it, and the cursor walks past it, so no row
   * can hold the others back; one whose check fails is postponed.
   */
  async function runSlot(dueBy: number): Promise<void> {
    let after = null as { at: Date; ticketId: string } | null;
    let stuck = 0;
    for (;;) {
      const { rows } = await db.query<TimerRow>(
        `select ticket_id, workspace_id, timer_id, next_check_at from ticket.ticket_slas
          where next_check_at <= to_timestamp($1::float8 / 1000) and timer_id is not null
            and ($2::timestamptz is null or (next_check_at, ticket_id) > ($2, $3::uuid))
          order by next_check_at, ticket_id limit ${batchSize}`,
        [dueBy, after?.at ?? null, after?.ticketId ?? null],
      );
      for (const r of rows) {
        const job = checkOf(r);
        await check(job)
          .catch((error: unknown) => postpone(job, error))
          .catch((error: unknown) => {
            stuck++;
            logger.error({ err: error, ...job }, "sla timer not postponed");
          });
      }
      const last = rows.at(-1);
      // A timer neither checked nor postponed is still due: the queue runs this job again.
      if (!last || rows.length < batchSize) {
        if (stuck > 0) throw new Error(`${stuck} SLA timers neither checked nor postponed`);
        return;
      }
      after = { at: last.next_check_at, ticketId: last.ticket_id };
    }
  }

  transport.consume(
    timerQueue,
    async (job) => {
      if (job.name === slotJob) {
        const slot = ZSlotJob.safeParse(job.data);
        if (!slot.success) throw new PermanentJobError(`malformed timer slot ${job.id}`);
        return runSlot(slot.data.dueBy);
      }
      const parsed = ZSlaCheckJob.safeParse(job.data);
      if (!parsed.success) throw new PermanentJobError(`malformed timer ${job.id}`);
      await check(parsed.data);
    },
    { concurrency: 4 },
  );

  async function relayOnce(): Promise<number> {
    // Read without a lease: replicas reading the same timers enqueue the same job ids, which is
    // one job, and a check of a timer already moved on does nothing. A lease was a second write
    // of every timer row. The timers to read are listed in `sla_timer_queue` (kept by triggers),
    // so no index names `timer_enqueued` and the mark below is a HOT update.
    const { rows } = await db.query<TimerRow>(
      `select s.ticket_id, s.workspace_id, s.timer_id, s.next_check_at
         from ticket.sla_timer_queue q join ticket.ticket_slas s on s.ticket_id = q.ticket_id
        where not s.timer_enqueued limit ${batchSize}`,
      [],
      { prepare: true },
    );
    if (rows.length === 0) return 0;
    const jobs = new Map<string, Job & { delayMs: number }>();
    const now = Date.now();
    for (const r of rows) {
      const due = new Date(r.next_check_at).getTime();
      if (due - now < slotFromMs) {
        const id = jobIdOf(r.ticket_id, r.timer_id);
        jobs.set(id, { id, name: "sla.check", data: checkOf(r), delayMs: Math.max(0, due - now) });
      } else {
        const dueBy = Math.ceil(due / slotMs) * slotMs;
        const id = `sla.slot.${dueBy}`;
        jobs.set(id, { id, name: slotJob, data: { dueBy }, delayMs: dueBy - now });
      }
    }
    // One pipelined enqueue for the batch, then one write for every timer in it; if that write
    // is lost, the next pass enqueues the same job ids again, a no-op. A timer replaced meanwhile
    // (another id) stays to be enqueued.
    await transport.enqueueMany(timerQueue, [...jobs.values()]);
    await db.query(
      `update ticket.ticket_slas s
          set timer_enqueued = true
         from unnest($1::uuid[], $2::uuid[]) as d(ticket_id, timer_id)
        where s.ticket_id = d.ticket_id and s.timer_id = d.timer_id`,
      [rows.map((r) => r.ticket_id), rows.map((r) => r.timer_id)],
      { prepare: true },
    );
    return rows.length;
  }

  return loop;
}
