import type { TWorkingHours } from "@signpost/contracts";
import {
  instantOf,
  isoDate,
  localDateOf,
  nextDate,
  weekdayOf,
  type LocalDate,
} from "./zoned-time.ts";

/** What the maths needs of a calendar: its zone, its weekly hours, its holidays (local dates). */
export interface CalendarSpec {
  timeZone: string;
  hours: readonly TWorkingHours[];
  /** "YYYY-MM-DD" in the calendar's zone: no working time that day. */
  holidays: readonly string[];
}

/**
 * How an SLA counts time: every millisecond (calendar time) or only working ones (business time).
 * All values are epoch milliseconds.
 */
export interface SlaClock {
  /** The instant `ms` counted milliseconds after `start`. */
  add(start: number, ms: number): number;
  /** Counted milliseconds in [from, to); 0 when `to` is not after `from`. */
  elapsed(from: number, to: number): number;
}

export const calendarTime: SlaClock = {
  add: (start, ms) => start + ms,
  elapsed: (from, to) => Math.max(0, to - from),
};

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** A working calendar can never run out of time; this bounds the walk on absurd inputs. */
const maxDays = 366 * 20;

/**
 * Business time on `spec`: only the weekly working spans count, holidays excluded, each span read
 * on the wall clock of the calendar's zone, so a span is still 09:00-17:00 local after a DST change.
 *
 * @example
 * const clock = businessTime({ timeZone: "Europe/Berlin", hours: [{ day: 1, start: "09:00", end: "17:00" }], holidays: [] });
 * clock.add(Date.parse("2026-01-05T15:00:00Z"), 60 * 60_000); // Monday 16:00 Berlin + 1h → next Monday 10:00
 */
export function businessTime(spec: CalendarSpec): SlaClock {
  if (spec.hours.length === 0) throw new Error("a business calendar needs working hours");
  const holidays = new Set(spec.holidays);
  const byDay = new Map<number, Array<[number, number]>>();
  for (const h of spec.hours) {
    const spans = byDay.get(h.day) ?? [];
    spans.push([minutesOf(h.start), minutesOf(h.end)]);
    byDay.set(h.day, spans);
  }
  for (const spans of byDay.values()) spans.sort((a, b) => a[0] - b[0]);

  /** The working spans of one local date as instants, overlaps merged. */
  function spansOf(date: LocalDate): Array<[number, number]> {
    if (holidays.has(isoDate(date))) return [];
    const merged: Array<[number, number]> = [];
    for (const [s, e] of byDay.get(weekdayOf(date)) ?? []) {
      const start = instantOf(date, s, spec.timeZone);
      const end = instantOf(date, e, spec.timeZone);
      if (end <= start) continue;
      const last = merged[merged.length - 1];
      if (last && start <= last[1]) last[1] = Math.max(last[1], end);
      else merged.push([start, end]);
    }
    return merged;
  }

  /** Working spans from the local date containing `from` onwards, clipped to start at `from`. */
  function* spansFrom(from: number): Generator<[number, number]> {
    let date = localDateOf(from, spec.timeZone);
    for (let i = 0; i < maxDays; i++) {
      for (const [s, e] of spansOf(date)) {
        if (e > from) yield [Math.max(s, from), e];
      }
      date = nextDate(date);
    }
    throw new Error("business calendar has no working time within twenty years");
  }

  return {
    add(start, ms) {
      let left = ms;
      for (const [s, e] of spansFrom(start)) {
        if (e - s >= left) return s + left;
        left -= e - s;
      }
      return start; // unreachable: spansFrom throws first
    },
    elapsed(from, to) {
      if (to <= from) return 0;
      let total = 0;
      for (const [s, e] of spansFrom(from)) {
        if (s >= to) break;
        total += Math.min(e, to) - s;
      }
      return total;
    },
  };
}
