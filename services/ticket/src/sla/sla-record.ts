import type { TSlaState, TTicketPriority } from "@signpost/contracts";
import type { SlaClock } from "./business-calendar.ts";

export type StatusKind = "open" | "in_progress" | "waiting_on_customer" | "resolved" | "closed";
export type Metric = "first_response" | "resolution";
export type MetricState = "pending" | "met" | "breached";

/** The targets a ticket runs on, copied from its policy (or the defaults) when they apply. */
export interface SlaTargets {
  policyId: string | null;
  calendarId: string | null;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  escalateRaisePriority: boolean;
  escalateGroupId: string | null;
}

export interface MetricRecord {
  warned: boolean;
  metAt: number | null;
  breachedAt: number | null;
}

/** The ticket fields a policy is chosen by. */
export interface SlaBasis {
  priority: TTicketPriority;
  category: string;
  orgId: string | null;
}

/** A ticket's SLA clock. Instants are epoch milliseconds. */
export interface SlaRecord {
  ticketId: string;
  workspaceId: string;
  targets: SlaTargets;
  basis: SlaBasis;
  startedAt: number;
  statusKind: StatusKind;
  statusChangedAt: number;
  /** Set while the clock is paused (waiting on the customer, or resolved). */
  pausedSince: number | null;
  /** Counted time spent paused so far, on the policy's clock. */
  pausedMs: number;
  fr: MetricRecord;
  res: MetricRecord;
  autoCloseAt: number | null;
}

export interface SlaFiring {
  metric: Metric;
  kind: "warning" | "breached";
  dueAt: number;
}

/** The fields of a ticket its SLA clock starts from. */
export interface SlaStart extends SlaBasis {
  id: string;
  workspaceId: string;
  createdAt: string;
}

export const basisOf = (t: SlaBasis): SlaBasis => ({
  priority: t.priority,
  category: t.category,
  orgId: t.orgId,
});

/**
 * A ticket's SLA clock as it stands when the ticket is created: open, running since creation,
 * nothing met, warned or breached. Shared by the live hook (a new ticket) and the backfill (a
 * ticket from before the SLA engine, replayed from here), so both start from the same record.
 */
export function startRecord(t: SlaStart, targets: SlaTargets): SlaRecord {
  const startedAt = Date.parse(t.createdAt);
  return {
    ticketId: t.id,
    workspaceId: t.workspaceId,
    targets,
    basis: basisOf(t),
    startedAt,
    statusKind: "open",
    statusChangedAt: startedAt,
    pausedSince: null,
    pausedMs: 0,
    fr: { warned: false, metAt: null, breachedAt: null },
    res: { warned: false, metAt: null, breachedAt: null },
    autoCloseAt: null,
  };
}

const minuteMs = 60_000;
const pausingKinds: readonly StatusKind[] = ["waiting_on_customer", "resolved"];
const doneKinds: readonly StatusKind[] = ["resolved", "closed"];

/** Defaults from the product brief when a workspace configured no policy for a priority. */
export const defaultTargets: Record<
  TTicketPriority,
  { firstResponse: number; resolution: number }
> = {
  urgent: { firstResponse: 60, resolution: 4 * 60 },
  high: { firstResponse: 4 * 60, resolution: 24 * 60 },
  medium: { firstResponse: 8 * 60, resolution: 72 * 60 },
  low: { firstResponse: 24 * 60, resolution: 168 * 60 },
};

const targetMs = (rec: SlaRecord, m: Metric) =>
  (m === "first_response" ? rec.targets.firstResponseMinutes : rec.targets.resolutionMinutes) *
  minuteMs;

const metricOf = (rec: SlaRecord, m: Metric) => (m === "first_response" ? rec.fr : rec.res);

/** Whether a metric's clock runs now (not met, not paused, ticket not done). */
export function isRunning(rec: SlaRecord, m: Metric): boolean {
  if (rec.pausedSince !== null || rec.statusKind === "closed") return false;
  return m === "first_response" ? rec.fr.metAt === null : !doneKinds.includes(rec.statusKind);
}

/** When a running metric is due; null while it does not run. */
export function dueAt(rec: SlaRecord, clock: SlaClock, m: Metric): number | null {
  if (!isRunning(rec, m)) return null;
  return clock.add(rec.startedAt, targetMs(rec, m) + rec.pausedMs);
}

/** When a running metric reaches 75% of its target. */
export function warnAt(rec: SlaRecord, clock: SlaClock, m: Metric): number | null {
  if (!isRunning(rec, m)) return null;
  return clock.add(rec.startedAt, 0.75 * targetMs(rec, m) + rec.pausedMs);
}

export function metricState(rec: SlaRecord, m: Metric): MetricState {
  const r = metricOf(rec, m);
  if (r.breachedAt !== null) return "breached";
  if (m === "first_response") return r.metAt !== null ? "met" : "pending";
  return doneKinds.includes(rec.statusKind) ? "met" : "pending";
}

const metrics: readonly Metric[] = ["first_response", "resolution"];

/** The one state lists filter on; a breach is never forgotten, even after resolution. */
export function overallState(rec: SlaRecord): TSlaState {
  if (rec.fr.breachedAt !== null || rec.res.breachedAt !== null) return "breached";
  if (doneKinds.includes(rec.statusKind)) return "met";
  if (rec.pausedSince !== null) return "paused";
  return metrics.some((m) => isRunning(rec, m) && metricOf(rec, m).warned) ? "warning" : "ok";
}

const minOf = (xs: Array<number | null>): number | null => {
  const real = xs.filter((x): x is number => x !== null);
  return real.length ? Math.min(...real) : null;
};

/** The nearest due date still running (overdue ones included, so they sort first). */
export const nearestDue = (rec: SlaRecord, clock: SlaClock) =>
  minOf(metrics.map((m) => dueAt(rec, clock, m)));

/** When the timer must look at this ticket next: a warning, a breach or an auto-close. */
export function nextCheckAt(rec: SlaRecord, clock: SlaClock): number | null {
  const points: Array<number | null> = [rec.autoCloseAt];
  for (const m of metrics) {
    const r = metricOf(rec, m);
    if (!r.warned) points.push(warnAt(rec, clock, m));
    if (r.breachedAt === null) points.push(dueAt(rec, clock, m));
  }
  return minOf(points);
}

/**
 * Records the warnings and breaches that are due at `now` and returns them. A flag set here is
 * never set again, so each fires once. A metric already past due is only reported as breached.
 */
export function evaluate(rec: SlaRecord, clock: SlaClock, now: number): SlaFiring[] {
  const fired: SlaFiring[] = [];
  for (const m of metrics) {
    const due = dueAt(rec, clock, m);
    const warn = warnAt(rec, clock, m);
    const r = metricOf(rec, m);
    if (due === null || warn === null) continue;
    if (r.breachedAt === null && now >= due) {
      r.breachedAt = due;
      r.warned = true;
      fired.push({ metric: m, kind: "breached", dueAt: due });
    } else if (!r.warned && now >= warn) {
      r.warned = true;
      fired.push({ metric: m, kind: "warning", dueAt: due });
    }
  }
  return fired;
}

/**
 * A warning given for a due date that has since moved out (priority lowered, a pause) may be given
 * again when the new 75% mark comes.
 */
function rearm(rec: SlaRecord, clock: SlaClock, at: number): void {
  for (const m of metrics) {
    const r = metricOf(rec, m);
    const warn = warnAt(rec, clock, m);
    if (r.warned && r.breachedAt === null && warn !== null && warn > at) r.warned = false;
  }
}

/**
 * Moves the clock for a status change at `at`. Waiting on the customer pauses both metrics; being
 * resolved stops the resolution clock and, like a pause, does not count; reopening resumes the
 * same clocks (the customer's problem was not solved, so the working time already spent still
 * counts, but the time it sat resolved does not). Closing stops everything for good. A change
 * older than the last one applied is ignored (events may arrive out of order).
 */
export function applyStatus(
  rec: SlaRecord,
  clock: SlaClock,
  to: StatusKind,
  at: number,
  autoCloseDays: number,
): void {
  if (at < rec.statusChangedAt || to === rec.statusKind || rec.statusKind === "closed") return;
  const pause = pausingKinds.includes(to) && to !== "closed";
  if (rec.pausedSince !== null && !pause) {
    rec.pausedMs += clock.elapsed(rec.pausedSince, at);
    rec.pausedSince = null;
  } else if (rec.pausedSince === null && pause) {
    rec.pausedSince = at;
  }
  if (to === "resolved") {
    rec.res.metAt = at;
    rec.autoCloseAt = autoCloseDays > 0 ? at + autoCloseDays * 86_400_000 : null;
  } else {
    rec.autoCloseAt = null;
  }
  rec.statusKind = to;
  rec.statusChangedAt = at;
  rearm(rec, clock, at);
}

/** The first public reply by staff meets the first-response target. */
export function applyFirstResponse(rec: SlaRecord, at: number): void {
  if (rec.fr.metAt === null) rec.fr.metAt = at;
}

/** New targets (priority, category or organization changed), counted from the same start. */
export function applyTargets(
  rec: SlaRecord,
  clock: SlaClock,
  targets: SlaTargets,
  basis: SlaBasis,
  at: number,
) {
  rec.targets = targets;
  rec.basis = basis;
  rearm(rec, clock, at);
}
