import { randomUUID } from "node:crypto";
import type { TTicketPriority } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import type { Statement } from "../shared/write-batch.ts";
import type { SlaClock } from "./business-calendar.ts";
import {
  dueAt,
  metricState,
  nearestDue,
  nextCheckAt,
  overallState,
  type SlaRecord,
  type StatusKind,
} from "./sla-record.ts";

interface Row {
  ticket_id: string;
  workspace_id: string;
  policy_id: string | null;
  calendar_id: string | null;
  first_response_minutes: number;
  resolution_minutes: number;
  escalate_raise_priority: boolean;
  escalate_group_id: string | null;
  basis_priority: TTicketPriority;
  basis_category: string;
  basis_org_id: string | null;
  started_at: Date;
  status_kind: StatusKind;
  status_changed_at: Date;
  paused_since: Date | null;
  paused_ms: number;
  fr_warned: boolean;
  fr_met_at: Date | null;
  fr_breached_at: Date | null;
  res_warned: boolean;
  res_met_at: Date | null;
  res_breached_at: Date | null;
  auto_close_at: Date | null;
  timer_id: string | null;
}

const ms = (d: Date | null) => (d === null ? null : new Date(d).getTime());
const ts = (n: number | null) => (n === null ? null : new Date(n).toISOString());

const toRecord = (r: Row): SlaRecord & { timerId: string | null } => ({
  ticketId: r.ticket_id,
  workspaceId: r.workspace_id,
  targets: {
    policyId: r.policy_id,
    calendarId: r.calendar_id,
    firstResponseMinutes: Number(r.first_response_minutes),
    resolutionMinutes: Number(r.resolution_minutes),
    escalateRaisePriority: r.escalate_raise_priority,
    escalateGroupId: r.escalate_group_id,
  },
  basis: { priority: r.basis_priority, category: r.basis_category, orgId: r.basis_org_id },
  startedAt: ms(r.started_at) ?? 0,
  statusKind: r.status_kind,
  statusChangedAt: ms(r.status_changed_at) ?? 0,
  pausedSince: ms(r.paused_since),
  pausedMs: Number(r.paused_ms),
  fr: { warned: r.fr_warned, metAt: ms(r.fr_met_at), breachedAt: ms(r.fr_breached_at) },
  res: { warned: r.res_warned, metAt: ms(r.res_met_at), breachedAt: ms(r.res_breached_at) },
  autoCloseAt: ms(r.auto_close_at),
  timerId: r.timer_id,
});

const columns = `ticket_id, workspace_id, policy_id, calendar_id, first_response_minutes,
  resolution_minutes, escalate_raise_priority, escalate_group_id, started_at, status_kind,
  status_changed_at, paused_since, paused_ms, fr_warned, fr_met_at, fr_breached_at, res_warned,
  res_met_at, res_breached_at, auto_close_at, basis_priority, basis_category, basis_org_id`;

/** The only code that reads and writes `ticket_slas`. */
export const slaRepository = {
  /** Locks the ticket's SLA row for this transaction (timers and events serialize on it). */
  async lock(tx: Sql, ticketId: string): Promise<(SlaRecord & { timerId: string | null }) | null> {
    const { rows } = await tx.query<Row>(
      `select ${columns}, timer_id from ticket.ticket_slas where ticket_id = $1 for update`,
      [ticketId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  },

  /**
   * Writes the record with what lists read (state, due dates) and, when the next check moved, a
   * new timer for the timer relay to enqueue after commit.
   */
  async save(tx: Sql, rec: SlaRecord, clock: SlaClock, previousNextCheck?: number | null) {
    const { text, params } = slaRepository.saveStatement(rec, clock, previousNextCheck);
    await tx.query(text, params);
  },

  /**
   * The upsert `save` runs, to send with other writes in a `WriteBatch`. `ifAbsent` writes only a
   * first row and leaves one already there alone (the backfill, racing the ticket's own changes).
   */
  saveStatement(
    rec: SlaRecord,
    clock: SlaClock,
    previousNextCheck?: number | null,
    ifAbsent = false,
  ): Statement {
    const next = nextCheckAt(rec, clock);
    const retime = previousNextCheck === undefined || previousNextCheck !== next;
    const values = [
      rec.ticketId,
      rec.workspaceId,
      rec.targets.policyId,
      rec.targets.calendarId,
      rec.targets.firstResponseMinutes,
      rec.targets.resolutionMinutes,
      rec.targets.escalateRaisePriority,
      rec.targets.escalateGroupId,
      ts(rec.startedAt),
      rec.statusKind,
      ts(rec.statusChangedAt),
      ts(rec.pausedSince),
      rec.pausedMs,
      rec.fr.warned,
      ts(rec.fr.metAt),
      ts(rec.fr.breachedAt),
      rec.res.warned,
      ts(rec.res.metAt),
      ts(rec.res.breachedAt),
      ts(rec.autoCloseAt),
      rec.basis.priority,
      rec.basis.category,
      rec.basis.orgId,
      metricState(rec, "first_response"),
      ts(dueAt(rec, clock, "first_response")),
      metricState(rec, "resolution"),
      ts(dueAt(rec, clock, "resolution")),
      overallState(rec),
      ts(nearestDue(rec, clock)),
      ts(next),
      retime,
      retime && next !== null ? randomUUID() : null,
    ];
    // `$32 is null or not $31` is `$32 is null` ($32 is set only when $31 is); it names $31 so the
    // parameter keeps a type when `ifAbsent` drops the update clause that uses it.
    return {
      text: `insert into ticket.ticket_slas (${columns}, fr_state, fr_due_at, res_state, res_due_at,
         state, due_at, next_check_at, timer_id, timer_enqueued, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
         $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $32::uuid,
         $32::uuid is null or not $31::boolean, now())
       on conflict (ticket_id) do ${
         ifAbsent
           ? "nothing"
           : `update set
         policy_id = $3, calendar_id = $4, first_response_minutes = $5, resolution_minutes = $6,
         escalate_raise_priority = $7, escalate_group_id = $8, started_at = $9, status_kind = $10,
         status_changed_at = $11, paused_since = $12, paused_ms = $13, fr_warned = $14,
         fr_met_at = $15, fr_breached_at = $16, res_warned = $17, res_met_at = $18,
         res_breached_at = $19, auto_close_at = $20, basis_priority = $21, basis_category = $22,
         basis_org_id = $23, fr_state = $24, fr_due_at = $25, res_state = $26, res_due_at = $27,
         state = $28, due_at = $29, next_check_at = $30,
         timer_id = case when $31::boolean then $32::uuid else ticket_slas.timer_id end,
         timer_enqueued = case when $31::boolean then $32::uuid is null else ticket_slas.timer_enqueued end,
         updated_at = now()`
       }`,
      params: values,
    };
  },
};
