import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseEvent, UnknownEventError } from "./catalog.ts";
import { queuesFor } from "./routes.ts";

const envelope = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  type: "ticket.resolved",
  version: 1,
  occurredAt: new Date().toISOString(),
  workspaceId: randomUUID(),
  orgId: null,
  payload: { ticketId: randomUUID(), number: 1001, resolvedAt: new Date().toISOString() },
  ...over,
});

describe("parseEvent", () => {
  it("accepts a known event and types its payload", () => {
    const e = parseEvent(envelope());
    expect(e.type).toBe("ticket.resolved");
    if (e.type === "ticket.resolved") expect(e.payload.number).toBe(1001);
  });

  it("rejects an unknown type or version", () => {
    expect(() => parseEvent(envelope({ version: 9 }))).toThrow(UnknownEventError);
    expect(() => parseEvent(envelope({ type: "ticket.exploded" }))).toThrow(UnknownEventError);
  });

  it("rejects a payload that breaks its contract", () => {
    expect(() => parseEvent(envelope({ payload: { ticketId: "nope" } }))).toThrow();
    expect(() => parseEvent(envelope({ id: "not-a-uuid" }))).toThrow();
  });
});

describe("queuesFor", () => {
  it("routes each event to the queues of the services that subscribe to it", () => {
    expect(queuesFor("ticket.created")).toEqual(["events.notification"]);
    expect(queuesFor("ticket.resolved")).toEqual(["events.kb", "events.notification"]);
    expect(queuesFor("nobody.cares")).toEqual([]);
  });
});
