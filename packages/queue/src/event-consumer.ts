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
import { PermanentJobError, type Transport } from "./transport.ts";
import type { Logger } from "./logger.ts";

export type EventHandlers = {
  [T in EventType]?: (tx: Sql, event: EventOf<T>) => Promise<void>;
};

/**
 * Consumes the events routed to `service`. Each event is validated against its contract, then
 * handled in one transaction with the insert of its id into the service's inbox: a redelivered
 * event finds its id there and has no second effect. Invalid or unknown events are dead-lettered.
 */
export function consumeEvents(opts: {
  service: ServiceName;
  schema: string;
  db: Db;
  transport: Transport;
  handlers: EventHandlers;
  logger: Logger;
  concurrency?: number;
}): void {
  const { db, schema, handlers, logger } = opts;
  opts.transport.consume(
    eventQueueOf(opts.service),
    async (job) => {
      let event: DomainEvent;
      try {
        event = parseEvent(job.data);
      } catch (error) {
        if (error instanceof ZodError || error instanceof UnknownEventError) {
          throw new PermanentJobError(`rejected event ${job.id}: ${error.message}`);
        }
        throw error;
      }
      const handler = handlers[event.type] as
        ((tx: Sql, e: typeof event) => Promise<void>) | undefined;
      if (!handler) throw new PermanentJobError(`${opts.service} has no handler for ${event.type}`);
      const handled = await db.transaction(async (tx) => {
        const fresh = await tx.query(
          `insert into ${schema}.inbox (event_id, type) values ($1, $2) on conflict do nothing`,
          [event.id, event.type],
        );
        if (fresh.rowCount === 0) return false;
        await handler(tx, event);
        return true;
      });
      logger.info(
        { eventId: event.id, type: event.type, requestId: event.requestId, duplicate: !handled },
        handled ? "event handled" : "duplicate event ignored",
      );
    },
    { concurrency: opts.concurrency ?? 4 },
  );
}
