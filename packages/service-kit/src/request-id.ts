import { randomUUID } from "node:crypto";

const acceptable = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request id to use for an incoming request: the caller's `x-request-id` when it is a plain
 * token (a proxy's or the gateway's), a fresh one otherwise, so what lands in logs and events
 * is never arbitrary text.
 */
export const requestIdFrom = (header: string | undefined): string =>
  header && acceptable.test(header) ? header : randomUUID();
