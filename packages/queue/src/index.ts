export * from "./transport.ts";
export { createBullmqTransport } from "./bullmq-transport.ts";
export { createEmbeddedTransport } from "./embedded-transport.ts";
export { appendToOutbox, outboxInsert, startOutboxRelay, type OutboxRelay } from "./outbox.ts";
export { consumeEvents, type EventHandlers } from "./event-consumer.ts";
export { buildEvent } from "./build-event.ts";
export { messagingMigration } from "./messaging-migration.ts";
export type { Logger } from "./logger.ts";
export { currentRequestId, withRequestId } from "./request-context.ts";
