import type { TTicket } from "@signpost/contracts";

export interface Count {
  key: string;
  count: number;
}

/** How many tickets fall under each value of `by`, most first. */
export function countBy(tickets: TTicket[], by: (t: TTicket) => string): Count[] {
  const counts = new Map<string, number>();
  for (const t of tickets) counts.set(by(t), (counts.get(by(t)) ?? 0) + 1);
  return [...counts.entries()]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

const day = (iso: string) => iso.slice(0, 10);

/** Tickets opened and resolved per calendar day (UTC) from `since` to today, every day listed. */
export function volumeByDay(tickets: TTicket[], since: Date, now = new Date()) {
  const days: { day: string; opened: number; resolved: number }[] = [];
  const index = new Map<string, (typeof days)[number]>();
  for (let d = new Date(day(since.toISOString())); d <= now; d.setUTCDate(d.getUTCDate() + 1)) {
    const entry = { day: day(d.toISOString()), opened: 0, resolved: 0 };
    days.push(entry);
    index.set(entry.day, entry);
  }
  for (const t of tickets) {
    const opened = index.get(day(t.createdAt));
    if (opened) opened.opened += 1;
    const resolved = t.resolvedAt ? index.get(day(t.resolvedAt)) : undefined;
    if (resolved) resolved.resolved += 1;
  }
  return days;
}

/** Median hours from opening to resolution over the resolved tickets, or null when none. */
export function medianResolutionHours(tickets: TTicket[]): number | null {
  const hours = tickets
    .filter((t) => t.resolvedAt)
    .map((t) => (Date.parse(t.resolvedAt ?? "") - Date.parse(t.createdAt)) / 3_600_000)
    .sort((a, b) => a - b);
  if (hours.length === 0) return null;
  const mid = Math.floor(hours.length / 2);
  return hours.length % 2 ? (hours[mid] ?? 0) : ((hours[mid - 1] ?? 0) + (hours[mid] ?? 0)) / 2;
}
