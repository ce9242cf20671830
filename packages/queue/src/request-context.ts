import { AsyncLocalStorage } from "node:async_hooks";

const store = new AsyncLocalStorage<{ requestId: string }>();

/**
 * Runs `work` as part of request `requestId`: events appended to an outbox inside it carry the id,
 * and log lines written inside it (through a service-kit logger) name it. The consumer runs each
 * event's handler under the event's id, so one id follows a request through every service it
 * reaches.
 *
 * @example
 * await withRequestId(c.get("requestId"), () => next());
 */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return store.run({ requestId }, work);
}

/** The id of the request (or event) being handled here, if any. */
export function currentRequestId(): string | undefined {
  return store.getStore()?.requestId;
}
