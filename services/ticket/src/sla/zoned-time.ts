/** A date on the wall calendar of some zone, without a time. Months are 1-12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading in `timeZone` at `ms`, expressed as if that reading were UTC. */
function wallAsUtc(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  const get = (k: string) => parts[k] ?? 0;
  return Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
}

/** How far `timeZone` is ahead of UTC at instant `ms` (milliseconds, DST included). */
export const offsetAt = (ms: number, timeZone: string): number =>
  wallAsUtc(Math.floor(ms / 1000) * 1000, timeZone) - Math.floor(ms / 1000) * 1000;

/** The local date in `timeZone` at instant `ms`. */
export function localDateOf(ms: number, timeZone: string): LocalDate {
  const wall = new Date(wallAsUtc(ms, timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/**
 * The instant at which the wall clock in `timeZone` reads `minuteOfDay` minutes past midnight on
 * `date` (1440 is the next midnight). Like Temporal's "compatible" disambiguation: a reading that
 * occurs twice (clocks going back) is its earlier occurrence; one skipped by a spring-forward jump
 * is pushed forward by the jump's length.
 */
export function instantOf(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  const day = 86_400_000;
  const before = wall - offsetAt(wall - day, timeZone);
  const after = wall - offsetAt(wall + day, timeZone);
  const valid = [before, after].filter((t) => wallAsUtc(t, timeZone) === wall);
  return valid.length ? Math.min(...valid) : before;
}

/** The next calendar date. */
export function nextDate(d: LocalDate): LocalDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** 0 = Sunday ... 6 = Saturday. */
export const weekdayOf = (d: LocalDate): number =>
  new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();

export const isoDate = (d: LocalDate): string =>
  `${String(d.year).padStart(4, "0")}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
