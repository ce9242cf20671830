import type { DomainEvent } from "@signpost/contracts";
import { queuesFor } from "@signpost/contracts";
import type { Db, Sql } from "@signpost/db";
import { eventJobOf, type OutboxEvent } from "./event-batch.ts";
import type { Transport } from "./transport.ts";
import type { Logger } from "./logger.ts";
import { currentRequestId } from "./request-context.ts";
import { drainInBatches, startRelayLoop, type RelayLoop } from "./relay-loop.ts";

/**
 * Records `event` in the service's outbox. Call it with the transaction that makes the change the
 * event describes: both commit or neither does. An event without a request id takes the one of the
 * request or event being handled (see `withRequestId`).
 */
export async function appendToOutbox(tx: Sql, schema: string, event: DomainEvent): Promise<void> {
  const { text, params } = outboxInsert(schema, event);
  await tx.query(text, params);
}

/**
 * The statement `appendToOutbox` runs, for callers that send it together with their own writes in
 * one round trip (it must still run in the transaction that makes the change).
 */
export function outboxInsert(
  schema: string,
  event: DomainEvent,
): { text: string; params: unknown[] } {
  const requestId = event.requestId ?? currentRequestId();
  const envelope = requestId ? { ...event, requestId } : event;
  return {
    text: `insert into ${schema}.outbox (id, type, envelope) values ($1, $2, $3)`,
    params: [event.id, event.type, JSON.stringify(envelope)],
  };
}

/** Kick it after committing an event; `flush` resolves with how many events it published. */
export type OutboxRelay = RelayLoop;

const batchSize = 100;
const leaseSeconds = 30;

/**
 * Moves committed outbox rows to each subscribing service's queue and marks them published.
 * Rows are leased with SKIP LOCKED so several replicas can relay at once without double work; a
 * crash between publishing and marking re-publishes the row, which the job id and the consumers'
 * inbox turn into a no-op.
 */
export function startOutboxRelay(opts: {
  db: Db;
  schema: string;
  transport: Transport;
  logger: Logger;
  pollMs?: number;
  /** How long a kicked pass waits for the commits after it (see `startRelayLoop`). */
  settleMs?: number;
}): OutboxRelay {
  const { db, schema, transport, logger } = opts;

  async function relayOnce(): Promise<number> {
    const { rows } = await db.query<{ seq: number; id: string; type: string; envelope: unknown }>(
      `update ${schema}.outbox set claimed_until = now() + make_interval(secs => ${leaseSeconds})
        where seq in (
          select seq from ${schema}.outbox
           where published_at is null and (claimed_until is null or claimed_until < now())
           order by seq limit ${batchSize}
           for update skip locked)
        returning seq, id, type, envelope`,
      [],
      { prepare: true },
    );
    rows.sort((a, b) => a.seq - b.seq);
    try {
      // One job per destination queue carrying its events in commit order (see `eventJobOf`): a
      // job per event cost more than the consumers' handling of them.
      const byQueue = new Map<string, OutboxEvent[]>();
      for (const row of rows) {
        for (const queue of queuesFor(row.type)) {
          const events = byQueue.get(queue) ?? [];
          events.push(row);
          byQueue.set(queue, events);
        }
      }
      await Promise.all(
        [...byQueue].map(([queue, events]) => transport.enqueue(queue, eventJobOf(events))),
      );
    } catch (error) {
      // Hand the batch back at once (Redis was away, say) rather than when the lease runs out;
      // rows already enqueued go again, which their job ids make a no-op.
      await db
        .query(
          `update ${schema}.outbox set claimed_until = null
            where seq = any($1::bigint[]) and published_at is null`,
          [rows.map((r) => r.seq)],
        )
        .catch(() => undefined); // the lease expires and another pass takes them
      throw error;
    }
    // One write for the whole batch: a crash before it re-publishes the batch, which job ids and
    // the consumers' inbox make harmless.
    if (rows.length > 0) {
      await db.query(
        `update ${schema}.outbox set published_at = now() where seq = any($1)`,
        [rows.map((r) => r.seq)],
        { prepare: true },
      );
    }
    return rows.length;
  }

  return startRelayLoop({
    name: "outbox relay",
    logger,
    logContext: { schema },
    pollMs: opts.pollMs ?? 500,
    // A kick after a quiet spell runs at once; in a burst of commits, passes come at most every
    // 50 ms, so each carries more events: fewer queue jobs and relay statements per event, and
    // bigger transactions for the consumers (about a quarter fewer statements per created ticket
    // in `pnpm bench:tickets`), for at most 50 ms more on the way while the burst lasts.
    settleMs: opts.settleMs ?? 50,
    pass: () => drainInBatches(relayOnce, batchSize),
  });
}
