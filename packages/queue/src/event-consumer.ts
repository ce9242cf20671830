import { ZodError } from "zod";
import {
  eventQueueOf,
  type DomainEvent,
  parseEvent,
  UnknownEventError,
  type EventOf,
  type EventType,
  type ServiceName,
} from "@signpost/contracts";
import type { Db, Sql } from "@signpost/db";
import { groupCommit } from "./group-commit.ts";
import { openTransactionEnd, runTransactionEnd } from "./transaction-end.ts";
import { eventsOfJob } from "./event-batch.ts";
import { defaultBackoffMs, PermanentJobError, type Job, type Transport } from "./transport.ts";
import type { Logger } from "./logger.ts";
import { withRequestId } from "./request-context.ts";

/** What a handler may use besides the transaction: a logger bound to the event and its request. */
export interface HandlerContext {
  logger: Logger;
}

export type EventHandlers = {
  [T in EventType]?: (tx: Sql, event: EventOf<T>, ctx: HandlerContext) => Promise<void>;
};

/** How one delivery ended, for metrics: its event type, outcome and handling time. */
export interface HandlingOutcome {
  type: string;
  outcome: "handled" | "duplicate" | "rejected" | "failed";
  seconds: number;
}

type AnyHandler = (tx: Sql, e: DomainEvent, ctx: HandlerContext) => Promise<void>;

/**
 * Consumes the events routed to `service`. Each event is validated against its contract, then
 * handled in one transaction with the insert of its id into the service's inbox: a redelivered
 * event finds its id there and has no second effect. Invalid or unknown events are dead-lettered.
 * The handler runs under the event's request id (`withRequestId`), so what it logs and the events
 * it appends carry the id of the request that started it all.
 *
 * With `batch` above 1, events that are in flight together share one transaction (see
 * `groupCommit`): each still commits with its own inbox row, and one that fails makes the others
 * go again alone, so only it is retried.
 */
export function consumeEvents(opts: {
  service: ServiceName;
  schema: string;
  db: Db;
  transport: Transport;
  handlers: EventHandlers;
  logger: Logger;
  concurrency?: number;
  /** At most this many events per transaction (1 when unset: one transaction per event). */
  batch?: number;
  /** Called once per delivery (metrics). */
  onOutcome?: (outcome: HandlingOutcome) => void;
}): void {
  const { db, schema, handlers, logger } = opts;
  const concurrency = opts.concurrency ?? 4;
  type Item = { event: DomainEvent; handler: AnyHandler; log: Logger };
  /**
   * The inbox rows of a transaction's events, in one statement: the ids not seen before (as
   * Postgres spells a uuid, in lower case). In id order, so two batches holding the same events
   * lock their rows in one order and never wait on each other.
   */
  const claim = async (tx: Sql, items: Item[]) => {
    openTransactionEnd(tx);
    const sorted = [...items].sort((a, b) => (a.event.id < b.event.id ? -1 : 1));
    const { rows } = await tx.query<{ event_id: string }>(
      `insert into ${schema}.inbox (event_id, type)
       select * from unnest($1::uuid[], $2::text[]) on conflict do nothing returning event_id`,
      [sorted.map((i) => i.event.id), sorted.map((i) => i.event.type)],
      { prepare: true },
    );
    return new Set(rows.map((r) => r.event_id));
  };
  const handleIn = async (tx: Sql, item: Item, fresh: Set<string>) => {
    const { event, handler, log } = item;
    // Deleted once handled: the same event twice in one batch runs once.
    if (!fresh.delete(event.id.toLowerCase())) return false;
    const run = () => handler(tx, event, { logger: log });
    await (event.requestId ? withRequestId(event.requestId, run) : run());
    return true;
  };
  const commit = groupCommit({
    db,
    begin: claim,
    work: handleIn,
    end: runTransactionEnd,
    maxBatch: Math.max(1, opts.batch ?? 1),
    parallel: Math.max(1, Math.floor(concurrency / Math.max(1, opts.batch ?? 1))),
  });
  /** Handles one event; throws to have its delivery retried or (PermanentJobError) dead-lettered. */
  const deliver = async (job: Job, attempt: number) => {
    const started = performance.now();
    const report = (type: string, outcome: HandlingOutcome["outcome"]) =>
      opts.onOutcome?.({ type, outcome, seconds: (performance.now() - started) / 1000 });
    let event: DomainEvent;
    try {
      event = parseEvent(job.data);
    } catch (error) {
      if (error instanceof ZodError || error instanceof UnknownEventError) {
        report(job.name, "rejected");
        throw new PermanentJobError(`rejected event ${job.id}: ${error.message}`);
      }
      throw error;
    }
    const handler = handlers[event.type] as AnyHandler | undefined;
    if (!handler) {
      report(event.type, "rejected");
      throw new PermanentJobError(`${opts.service} has no handler for ${event.type}`);
    }
    const log = logger.child({
      eventId: event.id,
      type: event.type,
      ...(event.requestId ? { requestId: event.requestId } : {}),
    });
    let handled: boolean;
    try {
      handled = await commit({ event, handler, log });
    } catch (error) {
      report(event.type, "failed");
      log.warn({ err: error, attempt }, "event handling failed; will retry");
      throw error;
    }
    report(event.type, handled ? "handled" : "duplicate");
    log.info({ duplicate: !handled }, handled ? "event handled" : "duplicate event ignored");
  };

  const queue = eventQueueOf(opts.service);
  opts.transport.consume(
    queue,
    async (job) => {
      const events = eventsOfJob(job);
      if (events.length === 1 && events[0] === job) return deliver(job, job.attempt);
      // A batch (see `eventJobOf`): its events go to the group commit together. One that fails
      // goes on alone, as its own job with the usual retries and dead-lettering, so it neither
      // holds back nor repeats the others (which the inbox would turn into no-ops anyway).
      const failed: Job[] = [];
      await Promise.all(
        events.map((e) =>
          deliver(e, 1).catch((error: unknown) => {
            // A failed handling is logged by `deliver`; a rejection only here.
            if (error instanceof PermanentJobError)
              logger.warn({ err: error, eventId: e.id }, "event rejected; dead-lettering it alone");
            failed.push(e);
          }),
        ),
      );
      for (const e of failed) {
        await opts.transport.enqueue(queue, e, { delayMs: defaultBackoffMs });
      }
    },
    { concurrency },
  );
}
