import type { Sql } from "@signpost/db";
import { policyRepository } from "./policy-repository.ts";
import {
  applyFirstResponse,
  applyStatus,
  applyTargets,
  basisOf,
  evaluate,
  nextCheckAt,
  startRecord,
  type SlaRecord,
} from "./sla-record.ts";
import type { SlaClock } from "./business-calendar.ts";
import { emitFirings } from "./sla-events.ts";
import { slaRepository } from "./sla-repository.ts";
import type { SlaTicketChange } from "./sla-ticket.ts";
import { clockFor, targetsFor } from "./targets.ts";

/**
 * Keeps a ticket's SLA in step with a change, inside the transaction that makes the change.
 *
 * Why a hook in the ticket use-cases' transactions rather than a consumer of our own events: the
 * SLA columns then commit with the change (a list filtered on SLA state is right the moment the
 * change is visible), changes of one ticket apply in the order the ticket row lock gives them
 * (events may be handled out of order by concurrent consumers, which would lose pauses), and there
 * is no second copy of the ticket to drift. The cost, a coupling to the ticket use-cases, is one
 * call per change through the `TicketHooks` extension point.
 *
 * Breaches found here (a late first reply, a late resolution) are reported but not escalated:
 * someone is acting on the ticket at that very moment. Escalation belongs to the timer.
 */
export async function onTicketChanged(tx: Sql, change: SlaTicketChange, now = Date.now()) {
  const t = change.after;
  // A ticket being created has no SLA row yet (nothing to lock).
  const locked = change.writes ? null : await slaRepository.lock(tx, t.id);
  let rec: SlaRecord;
  let previousNext: number | null | undefined;
  let clock: SlaClock;
  if (locked) {
    rec = locked;
    clock = await clockFor(tx, t.workspaceId, rec.targets.calendarId);
    previousNext = nextCheckAt(rec, clock);
  } else {
    const targets = await targetsFor(tx, t, change.knownSla);
    rec = startRecord(t, targets);
    clock = await clockFor(tx, t.workspaceId, targets.calendarId, change.knownSla);
  }
  // Record what fell due before this change, so a reply after the due date counts as late.
  const fired = evaluate(rec, clock, now);
  const basis = basisOf(t);
  const b = rec.basis;
  if (b.priority !== basis.priority || b.category !== basis.category || b.orgId !== basis.orgId) {
    const targets = await targetsFor(tx, t);
    clock = await clockFor(tx, t.workspaceId, targets.calendarId);
    applyTargets(rec, clock, targets, basis, now);
  }
  if (change.publicStaffReply) applyFirstResponse(rec, now);
  if (t.status !== rec.statusKind) {
    const autoCloseDays =
      t.status === "resolved" ? await policyRepository.autoCloseDays(tx, t.workspaceId) : 0;
    applyStatus(rec, clock, t.status, now, autoCloseDays);
  }
  // Creating, there is no row to update: nothing but this statement can write the SLA row of a
  // ticket not yet committed (the backfill reads committed tickets), so a plain insert will do,
  // which many creations' statements can share (see `combineGroups`).
  if (change.writes) change.writes.add(slaRepository.saveStatement(rec, clock, previousNext, true));
  else await slaRepository.save(tx, rec, clock, previousNext);
  await emitFirings(tx, t, fired, change.writes);
}
