import type { AnyTRPCRouter } from "@trpc/server";
import type { Hono } from "hono";
import { eventQueueOf, type ServiceName } from "@signpost/contracts";
import { loadSqlMigrations, migrate, type Db } from "@signpost/db";
import {
  consumeEvents,
  messagingMigrations,
  startOutboxRelay,
  type EventHandlers,
  type OutboxRelay,
  type Transport,
} from "@signpost/queue";
import type { Logger } from "pino";
import { createServiceApp, type ServiceEnv } from "./create-service-app.ts";
import type { IdentityVerifier } from "./identity-token.ts";
import { createMetrics, type Metrics } from "./metrics/metrics.ts";
import {
  serviceMetrics,
  watchOutbox,
  watchQueue,
  type ServiceMetrics,
} from "./metrics/service-gauges.ts";

/** What a deployment hands every service: where its data and queues are, and how to trust callers. */
export interface ServiceRuntime {
  db: Db;
  transport: Transport;
  logger: Logger;
  verifyIdentity: IdentityVerifier;
  /**
   * Which parts run in this process. A replica may serve HTTP only, or run the relay and consumers
   * only; all run by default.
   */
  roles?: { relay?: boolean; consumers?: boolean };
  /** The process's metrics registry; services in one process share it. A new one when unset. */
  metrics?: Metrics;
}

export interface Service {
  name: ServiceName;
  app: Hono<ServiceEnv>;
  /** Applies pending migrations; returns their ids. */
  migrate(): Promise<string[]>;
  /** Starts the outbox relay and the event consumers. */
  start(): void;
  /** Drains: stops relaying and consuming after the work in hand. Does not close db or transport. */
  stop(): Promise<void>;
  /** Publishes the outbox now (tests and shutdown use it). */
  flushOutbox(): Promise<number>;
}

/**
 * Wires one service: its migrations (after the shared outbox/inbox), its HTTP app, its outbox
 * relay and its event consumers.
 */
export function createService(
  rt: ServiceRuntime,
  spec: {
    name: ServiceName;
    schema: string;
    migrationsDir: string;
    router: (kickRelay: () => void) => AnyTRPCRouter;
    handlers?: EventHandlers;
    /** Events handled at once by this replica's consumer (4 when unset). */
    concurrency?: number;
    /** Events that may share one transaction (1 when unset; see `consumeEvents`). */
    batch?: number;
    /** Background work started with the consumers (an indexer); stopped on drain. */
    background?: () => { stop(): Promise<void> };
    /** Releases what the service itself holds (a model, a worker) after draining. */
    dispose?: () => Promise<void>;
    /** Queues besides the service's event queue whose depth to report (timers, mail). */
    queues?: string[];
    /** Adds the service's own gauges (an indexing backlog, pending timers). */
    metrics?: (m: ServiceMetrics) => void;
  },
): Service {
  const logger = rt.logger.child({ service: spec.name });
  let relay: OutboxRelay | undefined;
  let background: { stop(): Promise<void> } | undefined;
  const kickRelay = () => relay?.kick();
  const metrics = rt.metrics ?? createMetrics();
  const own = serviceMetrics(metrics, spec.name, rt.db);
  watchOutbox(own, rt.db, spec.schema);
  for (const queue of [eventQueueOf(spec.name), ...(spec.queues ?? [])]) {
    watchQueue(own, rt.transport, queue);
  }
  spec.metrics?.(own);
  const app = createServiceApp({
    name: spec.name,
    router: spec.router(kickRelay),
    verifyIdentity: rt.verifyIdentity,
    ready: () => rt.db.ping(),
    logger,
    metrics,
  });
  return {
    name: spec.name,
    app,
    async migrate() {
      const files = await loadSqlMigrations(spec.migrationsDir);
      const applied = await migrate(rt.db, spec.schema, [...messagingMigrations, ...files]);
      if (applied.length) logger.info({ applied }, "migrations applied");
      return applied;
    },
    start() {
      if (rt.roles?.relay !== false) {
        relay = startOutboxRelay({
          db: rt.db,
          schema: spec.schema,
          transport: rt.transport,
          logger,
        });
      }
      if (rt.roles?.consumers !== false && spec.handlers) {
        consumeEvents({
          service: spec.name,
          schema: spec.schema,
          db: rt.db,
          transport: rt.transport,
          handlers: spec.handlers,
          logger,
          ...(spec.concurrency ? { concurrency: spec.concurrency } : {}),
          ...(spec.batch ? { batch: spec.batch } : {}),
          onOutcome: ({ type, outcome, seconds }) =>
            metrics.eventHandling.observe({ service: spec.name, type, outcome }, seconds),
        });
      }
      if (rt.roles?.consumers !== false && spec.background) background = spec.background();
    },
    async stop() {
      await relay?.stop();
      await background?.stop();
      await spec.dispose?.();
    },
    flushOutbox: async () => (relay ? relay.flush() : 0),
  };
}
