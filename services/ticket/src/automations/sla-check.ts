import type { Sql } from "@signpost/db";
import { emitFirings } from "../sla/sla-events.ts";
import { evaluate } from "../sla/sla-record.ts";
import { slaRepository } from "../sla/sla-repository.ts";
import { clockFor } from "../sla/targets.ts";
import { raised, type TicketAutomation } from "./ticket-automation.ts";

export interface SlaCheckJob {
  ticketId: string;
  workspaceId: string;
  timerId: string;
}

/**
 * Runs one SLA timer in `tx`. Everything is re-checked under the ticket's lock: a timer that is no
 * longer the ticket's current one (the due date moved, another replica ran it) does nothing, and
 * the warned/breached flags make each event fire once however often a job is delivered.
 * Returns what it did, for logs and tests.
 */
export async function runSlaCheck(
  tx: Sql,
  job: SlaCheckJob,
  automation: TicketAutomation,
  now = Date.now(),
): Promise<"stale" | "checked"> {
  const ticket = await automation.lock(tx, job.workspaceId, job.ticketId);
  const rec = ticket ? await slaRepository.lock(tx, job.ticketId) : null;
  if (!ticket || !rec || rec.timerId !== job.timerId) return "stale";
  const clock = await clockFor(tx, rec.workspaceId, rec.targets.calendarId);
  const fired = evaluate(rec, clock, now);
  const autoClose =
    rec.statusKind === "resolved" && rec.autoCloseAt !== null && now >= rec.autoCloseAt;
  // Always a fresh timer: this one is spent, even when it found nothing due yet.
  await slaRepository.save(tx, rec, clock);
  await emitFirings(tx, ticket, fired);

  // The ticket use-cases below run the SLA hook again in this transaction; it reads the record
  // saved above, so nothing here may save it again.
  const breach = fired.find((f) => f.kind === "breached");
  const { escalateRaisePriority, escalateGroupId } = rec.targets;
  if (breach && (escalateRaisePriority || escalateGroupId) && ticket.status !== "closed") {
    const priority = escalateRaisePriority ? raised(ticket.priority) : ticket.priority;
    const groupId = escalateGroupId ?? ticket.groupId;
    if (priority !== ticket.priority || groupId !== ticket.groupId) {
      await automation.escalate(tx, ticket, { priority, groupId }, `sla_breached:${breach.metric}`);
    }
  }
  if (autoClose) await automation.autoClose(tx, ticket);
  return "checked";
}
