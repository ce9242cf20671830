import { describe, expect, it } from "vitest";
import type { TWorkingHours } from "@signpost/contracts";
import { businessTime, calendarTime } from "./business-calendar.ts";
import { instantOf, offsetAt } from "./zoned-time.ts";

const minute = 60_000;
const hour = 60 * minute;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

/** Monday to Friday, 09:00-17:00. */
const weekdays = (start = "09:00", end = "17:00"): TWorkingHours[] =>
  [1, 2, 3, 4, 5].map((day) => ({ day, start, end }));

const berlin = businessTime({ timeZone: "Europe/Berlin", hours: weekdays(), holidays: [] });
const utc = businessTime({ timeZone: "UTC", hours: weekdays(), holidays: [] });

describe("zoned time", () => {
  it("reads offsets on both sides of a DST change", () => {
    expect(offsetAt(at("2026-03-29T00:59:00Z"), "Europe/Berlin")).toBe(hour);
    expect(offsetAt(at("2026-03-29T01:00:00Z"), "Europe/Berlin")).toBe(2 * hour);
    expect(offsetAt(at("2026-06-01T12:00:00Z"), "Asia/Kathmandu")).toBe(5 * hour + 45 * minute);
  });

  it("maps wall times to instants, pushing a skipped reading forward and taking the earlier of a repeated one", () => {
    const d = (year: number, month: number, day: number) => ({ year, month, day });
    expect(iso(instantOf(d(2026, 3, 29), 9 * 60, "Europe/Berlin"))).toBe(
      "2026-03-29T07:00:00.000Z",
    );
    expect(iso(instantOf(d(2026, 3, 28), 9 * 60, "Europe/Berlin"))).toBe(
      "2026-03-28T08:00:00.000Z",
    );
    // 02:30 does not exist on 29 March in Berlin: it reads as 03:30 CEST.
    expect(iso(instantOf(d(2026, 3, 29), 150, "Europe/Berlin"))).toBe("2026-03-29T01:30:00.000Z");
    // 02:30 happens twice on 25 October: the first time, still in CEST.
    expect(iso(instantOf(d(2026, 10, 25), 150, "Europe/Berlin"))).toBe("2026-10-25T00:30:00.000Z");
    expect(iso(instantOf(d(2026, 1, 5), 24 * 60, "America/New_York"))).toBe(
      "2026-01-06T05:00:00.000Z",
    );
  });
});

describe("calendar time", () => {
  it("counts every millisecond", () => {
    const start = at("2026-01-02T16:00:00Z");
    expect(iso(calendarTime.add(start, 4 * hour))).toBe("2026-01-02T20:00:00.000Z");
    expect(calendarTime.elapsed(start, start + 90 * minute)).toBe(90 * minute);
    expect(calendarTime.elapsed(start + minute, start)).toBe(0);
  });
});

describe("business time", () => {
  it("adds within one working day", () => {
    // Monday 5 Jan 2026, 10:00 Berlin (09:00Z) + 3h → 13:00 Berlin.
    expect(iso(berlin.add(at("2026-01-05T09:00:00Z"), 3 * hour))).toBe("2026-01-05T12:00:00.000Z");
  });

  it("starts counting at the next opening when created out of hours", () => {
    // Monday 06:00 Berlin: the clock starts at 09:00.
    expect(iso(berlin.add(at("2026-01-05T05:00:00Z"), hour))).toBe("2026-01-05T09:00:00.000Z");
    // Monday 20:00 Berlin: Tuesday 09:00 + 1h.
    expect(iso(berlin.add(at("2026-01-05T19:00:00Z"), hour))).toBe("2026-01-06T09:00:00.000Z");
  });

  it("skips a weekend", () => {
    // Friday 9 Jan 16:00 Berlin + 2h business → Monday 12 Jan 10:00 Berlin.
    const friday = at("2026-01-09T15:00:00Z");
    expect(iso(berlin.add(friday, 2 * hour))).toBe("2026-01-12T09:00:00.000Z");
    expect(berlin.elapsed(friday, at("2026-01-12T09:00:00Z"))).toBe(2 * hour);
    // Nothing counts over the weekend itself.
    expect(berlin.elapsed(at("2026-01-10T08:00:00Z"), at("2026-01-11T20:00:00Z"))).toBe(0);
  });

  it("skips a holiday and a weekend together", () => {
    const withHoliday = businessTime({
      timeZone: "Europe/Berlin",
      hours: weekdays(),
      holidays: ["2026-01-12"],
    });
    // Friday 16:00 + 2h: Friday's last hour, Monday is a holiday, Tuesday 09:00 + 1h.
    const friday = at("2026-01-09T15:00:00Z");
    expect(iso(withHoliday.add(friday, 2 * hour))).toBe("2026-01-13T09:00:00.000Z");
    expect(withHoliday.elapsed(friday, at("2026-01-13T09:00:00Z"))).toBe(2 * hour);
    expect(withHoliday.elapsed(at("2026-01-12T00:00:00Z"), at("2026-01-12T23:00:00Z"))).toBe(0);
  });

  it("adds across several days (a 24 business-hour target is three working days)", () => {
    // Wednesday 7 Jan 09:00 Berlin + 24h business → Friday 17:00, not Thursday.
    expect(iso(berlin.add(at("2026-01-07T08:00:00Z"), 24 * hour))).toBe("2026-01-09T16:00:00.000Z");
    // One more minute rolls over the weekend to Monday 09:01.
    expect(iso(berlin.add(at("2026-01-07T08:00:00Z"), 24 * hour + minute))).toBe(
      "2026-01-12T08:01:00.000Z",
    );
  });

  it("keeps working hours on the local clock across the spring DST change", () => {
    // Friday 27 March 2026 16:00 CET (15:00Z) + 2h → Monday 30 March 10:00 CEST (08:00Z).
    expect(iso(berlin.add(at("2026-03-27T15:00:00Z"), 2 * hour))).toBe("2026-03-30T08:00:00.000Z");
    // A working day after the change is still eight hours long.
    expect(berlin.elapsed(at("2026-03-30T00:00:00Z"), at("2026-03-31T00:00:00Z"))).toBe(8 * hour);
  });

  it("keeps working hours on the local clock across the autumn DST change in New York", () => {
    const ny = businessTime({ timeZone: "America/New_York", hours: weekdays(), holidays: [] });
    // Friday 30 Oct 2026 16:00 EDT (20:00Z) + 2h → Monday 2 Nov 10:00 EST (15:00Z).
    expect(iso(ny.add(at("2026-10-30T20:00:00Z"), 2 * hour))).toBe("2026-11-02T15:00:00.000Z");
  });

  it("counts a 24-hour day shortened by the spring change as 23 hours", () => {
    const always = businessTime({
      timeZone: "Europe/Berlin",
      hours: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, start: "00:00", end: "24:00" })),
      holidays: [],
    });
    expect(always.elapsed(at("2026-03-28T23:00:00Z"), at("2026-03-29T22:00:00Z"))).toBe(23 * hour);
    expect(iso(always.add(at("2026-03-28T23:00:00Z"), 24 * hour))).toBe("2026-03-29T23:00:00.000Z");
  });

  it("handles split shifts (a lunch break does not count)", () => {
    const split = businessTime({
      timeZone: "UTC",
      hours: [
        { day: 1, start: "09:00", end: "12:00" },
        { day: 1, start: "13:00", end: "17:00" },
      ],
      holidays: [],
    });
    expect(iso(split.add(at("2026-01-05T11:00:00Z"), 2 * hour))).toBe("2026-01-05T14:00:00.000Z");
    expect(split.elapsed(at("2026-01-05T00:00:00Z"), at("2026-01-06T00:00:00Z"))).toBe(7 * hour);
  });

  it("treats a pause as business time lost: the due date moves by the working time paused", () => {
    // Start Monday 09:00Z, 8h target. Paused from Monday 15:00Z to Tuesday 11:00Z: that is 2h of
    // Monday's and 2h of Tuesday's working time, so the target slips by 4 business hours.
    const start = at("2026-01-05T09:00:00Z");
    const paused = utc.elapsed(at("2026-01-05T15:00:00Z"), at("2026-01-06T11:00:00Z"));
    expect(paused).toBe(4 * hour);
    expect(iso(utc.add(start, 8 * hour + paused))).toBe("2026-01-06T13:00:00.000Z");
    // A pause over the weekend costs nothing.
    expect(utc.elapsed(at("2026-01-09T17:00:00Z"), at("2026-01-12T09:00:00Z"))).toBe(0);
  });

  it("round-trips add and elapsed", () => {
    const start = at("2026-02-13T14:37:00Z");
    for (const target of [1, 59, 480, 481, 2880, 10_080].map((m) => m * minute)) {
      expect(berlin.elapsed(start, berlin.add(start, target))).toBe(target);
    }
  });

  it("refuses a calendar without working hours", () => {
    expect(() => businessTime({ timeZone: "UTC", hours: [], holidays: [] })).toThrow(
      /working hours/,
    );
  });
});
