import { describe, expect, it } from "vitest";
import { businessTime, calendarTime } from "./business-calendar.ts";
import {
  applyFirstResponse,
  applyStatus,
  applyTargets,
  dueAt,
  evaluate,
  nearestDue,
  nextCheckAt,
  overallState,
  startRecord,
  type SlaRecord,
  type SlaTargets,
} from "./sla-record.ts";

const minute = 60_000;
const hour = 60 * minute;
const t0 = Date.parse("2026-01-05T09:00:00Z"); // a Monday

const targets = (fr: number, res: number): SlaTargets => ({
  policyId: null,
  calendarId: null,
  firstResponseMinutes: fr,
  resolutionMinutes: res,
  escalateRaisePriority: false,
  escalateGroupId: null,
});

const fresh = (t: SlaTargets = targets(60, 240)): SlaRecord =>
  startRecord(
    {
      id: "t",
      workspaceId: "w",
      priority: "medium",
      category: "general",
      orgId: null,
      createdAt: new Date(t0).toISOString(),
    },
    t,
  );

describe("SLA record", () => {
  it("warns at 75% and breaches at 100%, each once", () => {
    const rec = fresh();
    expect(nextCheckAt(rec, calendarTime)).toBe(t0 + 45 * minute);
    expect(evaluate(rec, calendarTime, t0 + 44 * minute)).toEqual([]);
    expect(evaluate(rec, calendarTime, t0 + 45 * minute)).toEqual([
      { metric: "first_response", kind: "warning", dueAt: t0 + hour },
    ]);
    expect(evaluate(rec, calendarTime, t0 + 50 * minute)).toEqual([]);
    expect(overallState(rec)).toBe("warning");
    expect(nextCheckAt(rec, calendarTime)).toBe(t0 + hour);
    expect(evaluate(rec, calendarTime, t0 + hour)).toEqual([
      { metric: "first_response", kind: "breached", dueAt: t0 + hour },
    ]);
    expect(evaluate(rec, calendarTime, t0 + 2 * hour)).toEqual([]);
    expect(overallState(rec)).toBe("breached");
  });

  it("reports only the breach when a check comes after the due date", () => {
    const rec = fresh();
    const fired = evaluate(rec, calendarTime, t0 + 5 * hour);
    expect(fired.map((f) => `${f.metric}:${f.kind}`)).toEqual([
      "first_response:breached",
      "resolution:breached",
    ]);
  });

  it("stops the first-response clock at the first public reply", () => {
    const rec = fresh();
    applyFirstResponse(rec, t0 + 10 * minute);
    applyFirstResponse(rec, t0 + 20 * minute);
    expect(rec.fr.metAt).toBe(t0 + 10 * minute);
    expect(dueAt(rec, calendarTime, "first_response")).toBeNull();
    expect(nearestDue(rec, calendarTime)).toBe(t0 + 4 * hour);
  });

  it("pauses while waiting on the customer and resumes with the paused time added", () => {
    const rec = fresh();
    applyStatus(rec, calendarTime, "waiting_on_customer", t0 + hour / 2, 3);
    expect(overallState(rec)).toBe("paused");
    expect(nextCheckAt(rec, calendarTime)).toBeNull();
    expect(evaluate(rec, calendarTime, t0 + 10 * hour)).toEqual([]);
    applyStatus(rec, calendarTime, "open", t0 + 3 * hour, 3);
    expect(rec.pausedMs).toBe(2.5 * hour);
    expect(dueAt(rec, calendarTime, "resolution")).toBe(t0 + 6.5 * hour);
    expect(dueAt(rec, calendarTime, "first_response")).toBe(t0 + 3.5 * hour);
  });

  it("counts a pause on business time only for the working hours it covered", () => {
    const clock = businessTime({
      timeZone: "UTC",
      hours: [1, 2, 3, 4, 5].map((day) => ({ day, start: "09:00", end: "17:00" })),
      holidays: [],
    });
    const rec = fresh(targets(60, 8 * 60));
    // Waiting from Monday 16:00 to Tuesday 10:00: two working hours lost.
    applyStatus(rec, clock, "waiting_on_customer", t0 + 7 * hour, 3);
    applyStatus(rec, clock, "in_progress", t0 + 25 * hour, 3);
    expect(rec.pausedMs).toBe(2 * hour);
    expect(new Date(dueAt(rec, clock, "resolution") ?? 0).toISOString()).toBe(
      "2026-01-06T11:00:00.000Z",
    );
  });

  it("stops at resolution, schedules the auto-close, and on reopen resumes without the resolved time", () => {
    const rec = fresh();
    applyFirstResponse(rec, t0 + minute);
    applyStatus(rec, calendarTime, "resolved", t0 + hour, 3);
    expect(overallState(rec)).toBe("met");
    expect(rec.autoCloseAt).toBe(t0 + hour + 3 * 86_400_000);
    expect(nextCheckAt(rec, calendarTime)).toBe(rec.autoCloseAt);
    applyStatus(rec, calendarTime, "open", t0 + 5 * hour, 3);
    expect(rec.autoCloseAt).toBeNull();
    expect(overallState(rec)).toBe("ok");
    // One hour had run before resolution; four resolved hours do not count: due at 8h.
    expect(dueAt(rec, calendarTime, "resolution")).toBe(t0 + 8 * hour);
  });

  it("ignores a status change older than the last one applied", () => {
    const rec = fresh();
    applyStatus(rec, calendarTime, "in_progress", t0 + hour, 3);
    applyStatus(rec, calendarTime, "waiting_on_customer", t0 + minute, 3);
    expect(rec.statusKind).toBe("in_progress");
    expect(rec.pausedSince).toBeNull();
  });

  it("closing stops every clock for good", () => {
    const rec = fresh();
    applyStatus(rec, calendarTime, "closed", t0 + hour / 2, 3);
    expect(nextCheckAt(rec, calendarTime)).toBeNull();
    applyStatus(rec, calendarTime, "open", t0 + hour, 3);
    expect(rec.statusKind).toBe("closed");
  });

  it("recomputes due dates on new targets and re-arms a warning the new target moved out", () => {
    const rec = fresh(targets(60, 240));
    // First response breached at 1h; resolution warned at 3h (75% of 4h).
    expect(evaluate(rec, calendarTime, t0 + 3.1 * hour).map((f) => f.kind)).toEqual([
      "breached",
      "warning",
    ]);
    expect(rec.res.warned).toBe(true);
    applyTargets(rec, calendarTime, targets(8 * 60, 72 * 60), rec.basis, t0 + 3.2 * hour);
    expect(rec.res.warned).toBe(false);
    expect(dueAt(rec, calendarTime, "resolution")).toBe(t0 + 72 * hour);
    // Raising the priority pulls the due date in.
    applyTargets(rec, calendarTime, targets(15, 60), rec.basis, t0 + 3.3 * hour);
    expect(dueAt(rec, calendarTime, "resolution")).toBe(t0 + hour);
    // The first-response breach is not reported twice; the resolution breach is new.
    expect(evaluate(rec, calendarTime, t0 + 3.3 * hour)).toEqual([
      { metric: "resolution", kind: "breached", dueAt: t0 + hour },
    ]);
  });
});
