import { createHash } from "node:crypto";
import type { Job } from "./transport.ts";

/** The job name of several events carried by one job (see `eventJobOf`). */
export const eventBatchJob = "events.batch";

/** One event as a relay read it from an outbox: its id, type and stored envelope. */
export interface OutboxEvent {
  id: string;
  type: string;
  envelope: unknown;
}

/**
 * The job that carries a relay pass's events to one queue. One event travels as itself (job id =
 * event id, as any single delivery). Several travel as one job: a queue job costs about as much
 * to enqueue and to take as handling a small event, once per job, and the consumer hands the
 * events to its group commit together. The batch's id is stable for the same rows, so a relay
 * that publishes them again after a crash enqueues nothing new; a different grouping of the same
 * events is a redelivery, which the consumers' inbox makes harmless.
 */
export function eventJobOf(events: readonly OutboxEvent[]): Job {
  const [first] = events;
  if (!first) throw new Error("no events to carry");
  if (events.length === 1) return { id: first.id, name: first.type, data: first.envelope };
  return {
    id: batchJobId(events.map((e) => e.id)),
    name: eventBatchJob,
    data: { events: events.map((e) => ({ id: e.id, type: e.type, envelope: e.envelope })) },
  };
}

/**
 * The id of a job carrying several items: one for the same items in the same order, another for
 * any other set. Naming only the first and how many would not do: after a crash, a relay may read
 * a late-committed row into the middle of a group, and the same id would then drop it unseen.
 */
export function batchJobId(itemIds: readonly string[]): string {
  return `batch.${createHash("sha256").update(itemIds.join("\n")).digest("base64url")}`;
}

/**
 * The events a job carries, each as the job it would be alone. Anything that is not a well-formed
 * batch is one event (the consumer then validates it as such).
 */
export function eventsOfJob(job: Job): Job[] {
  if (job.name !== eventBatchJob) return [job];
  const events = (job.data as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) return [job];
  return events.map((e: unknown, i) => {
    const item = (e ?? {}) as Partial<OutboxEvent>;
    return {
      id: typeof item.id === "string" ? item.id : `${job.id}.${i}`,
      name: typeof item.type === "string" ? item.type : "unknown",
      data: item.envelope,
    };
  });
}
