import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { eventJobOf } from "./event-batch.ts";

const eventsOf = (n: number) =>
  Array.from({ length: n }, () => ({ id: randomUUID(), type: "ticket.created", envelope: {} }));

describe("event batch ids", () => {
  it("are the same for the same events, and differ when any one differs", () => {
    const events = eventsOf(5);
    expect(eventJobOf(events).id).toBe(eventJobOf([...events]).id);
    // A relay reading again after a crash may find a late-committed event in the middle: same
    // first event, same count, another set. Its job must not be taken for the one already sent.
    const regrouped = [...events.slice(0, 2), ...eventsOf(1), ...events.slice(2, 4)];
    expect(eventJobOf(regrouped).id).not.toBe(eventJobOf(events).id);
    expect(eventJobOf(events.slice(0, 1)).id).toBe(events[0]!.id);
  });
});
