import type { Sql } from "@signpost/db";
import { businessTime, calendarTime, type SlaClock } from "./business-calendar.ts";
import { policyRepository, type KnownSla } from "./policy-repository.ts";
import { defaultTargets, type SlaTargets } from "./sla-record.ts";
import type { SlaTicket } from "./sla-ticket.ts";

/**
 * The targets of the most specific policy for the ticket, or the built-in defaults. `known` is that
 * policy when the caller read it already (opening a ticket does, in its one read).
 */
export async function targetsFor(tx: Sql, t: SlaTicket, known?: KnownSla): Promise<SlaTargets> {
  const policy = known
    ? known.policy
    : await policyRepository.findApplicable(tx, {
        workspaceId: t.workspaceId,
        priority: t.priority,
        category: t.category,
        orgId: t.orgId,
      });
  if (!policy) {
    const d = defaultTargets[t.priority];
    return {
      policyId: null,
      calendarId: null,
      firstResponseMinutes: d.firstResponse,
      resolutionMinutes: d.resolution,
      escalateRaisePriority: false,
      escalateGroupId: null,
    };
  }
  return {
    policyId: policy.id,
    calendarId: policy.calendarId,
    firstResponseMinutes: policy.firstResponseMinutes,
    resolutionMinutes: policy.resolutionMinutes,
    escalateRaisePriority: policy.escalateRaisePriority,
    escalateGroupId: policy.escalateGroupId,
  };
}

/**
 * The clock a ticket's SLA counts on. A calendar deleted since falls back to calendar time (a
 * policy still using it cannot be deleted, so this only affects tickets that kept old targets).
 */
export async function clockFor(
  tx: Sql,
  workspaceId: string,
  calendarId: string | null,
  known?: KnownSla,
): Promise<SlaClock> {
  if (!calendarId) return calendarTime;
  const cal =
    known && known.policy?.calendarId === calendarId
      ? known.calendar
      : await policyRepository.getCalendar(tx, workspaceId, calendarId);
  if (!cal) return calendarTime;
  return businessTime({
    timeZone: cal.timeZone,
    hours: cal.hours,
    holidays: cal.holidays.map((h) => h.date),
  });
}
