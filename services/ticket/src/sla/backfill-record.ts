import type { SlaClock } from "./business-calendar.ts";
import {
  applyFirstResponse,
  applyStatus,
  evaluate,
  startRecord,
  type SlaRecord,
  type SlaTargets,
} from "./sla-record.ts";
import type { SlaTicket } from "./sla-ticket.ts";

/** What a ticket's row tells of its past: enough to replay the SLA clock roughly. */
export interface TicketHistory extends SlaTicket {
  updatedAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
}

const at = (iso: string | null) => (iso === null ? null : Date.parse(iso));

/**
 * The SLA record a ticket from before the SLA engine would have, replayed from the times its row
 * kept: created, first response, resolved, closed, and its last change for the status it is in.
 * Pauses before the current one are not known, so they do not count (due dates err early).
 * Targets fall due as they would have (breaches are recorded), but nothing is announced and no
 * action is taken on the past: warnings and breaches already due are marked given, and a resolved
 * ticket whose auto-close date already passed is not closed by the backfill's timer. What is
 * still ahead (a warning, a breach, an auto-close) fires from the timer as for any ticket.
 */
export function backfillRecord(
  t: TicketHistory,
  targets: SlaTargets,
  clock: SlaClock,
  autoCloseDays: number,
  now: number,
): SlaRecord {
  const rec = startRecord(t, targets);
  const steps: { at: number; apply: () => void }[] = [];
  const fr = at(t.firstResponseAt);
  if (fr !== null) steps.push({ at: fr, apply: () => applyFirstResponse(rec, fr) });
  const resolved = at(t.resolvedAt);
  const status = t.status;
  if (resolved !== null && (status === "resolved" || status === "closed")) {
    steps.push({
      at: resolved,
      apply: () => applyStatus(rec, clock, "resolved", resolved, autoCloseDays),
    });
  }
  if (status !== "open" && status !== "resolved") {
    const since =
      status === "closed" ? (at(t.closedAt) ?? Date.parse(t.updatedAt)) : Date.parse(t.updatedAt);
    steps.push({ at: since, apply: () => applyStatus(rec, clock, status, since, autoCloseDays) });
  }
  for (const step of steps.sort((a, b) => a.at - b.at)) {
    evaluate(rec, clock, step.at);
    step.apply();
  }
  // What fell due before now is recorded; its warnings and breaches are not announced.
  evaluate(rec, clock, now);
  if (rec.autoCloseAt !== null && rec.autoCloseAt <= now) rec.autoCloseAt = null;
  return rec;
}
