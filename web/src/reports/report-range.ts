/** A report range for the chosen number of days, ending now (the hour rounded up, to cache). */
export function rangeOf(days: number, now = Date.now()) {
  const hour = 3_600_000;
  const to = Math.ceil((now + 60_000) / hour) * hour;
  const from = new Date(now - (days - 1) * 86_400_000);
  from.setUTCHours(0, 0, 0, 0);
  return { from: from.toISOString(), to: new Date(to).toISOString() };
}

/** Minutes as "45 min", "3.5 h" or "2.1 d"; "—" when there is nothing to average. */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return "—";
  if (minutes < 60) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${(minutes / 60).toFixed(1)} h`;
  return `${(minutes / 1440).toFixed(1)} d`;
}
