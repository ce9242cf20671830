import type { Sql } from "@signpost/db";
import type { TTicketSla } from "@signpost/contracts";

interface SlaViewRow {
  ticket_id: string;
  org_id: string | null;
  workspace_id: string;
  policy_id: string | null;
  state: TTicketSla["state"];
  due_at: Date | null;
  fr_state: TTicketSla["firstResponse"]["state"];
  fr_due_at: Date | null;
  fr_warned: boolean;
  res_state: TTicketSla["resolution"]["state"];
  res_due_at: Date | null;
  res_warned: boolean;
  paused_since: Date | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Reads of SLA outcomes for agents and reports. */
export const reportRepository = {
  /** The ticket's scope (for the policy) and its SLA, if it has one yet. */
  async ticketSla(sql: Sql, workspaceId: string, ticketId: string) {
    const { rows } = await sql.query<SlaViewRow>(
      `select t.id as ticket_id, t.org_id, t.workspace_id, s.policy_id, s.state, s.due_at,
              s.fr_state, s.fr_due_at, s.fr_warned, s.res_state, s.res_due_at, s.res_warned,
              s.paused_since
         from ticket.tickets t left join ticket.ticket_slas s on s.ticket_id = t.id
        where t.workspace_id = $1 and t.id = $2`,
      [workspaceId, ticketId],
    );
    const r = rows[0];
    if (!r) return null;
    const sla: TTicketSla = {
      ticketId: r.ticket_id,
      state: r.state ?? "ok",
      dueAt: iso(r.due_at),
      policyId: r.policy_id,
      firstResponse: {
        state: r.fr_state ?? "pending",
        dueAt: iso(r.fr_due_at),
        warned: r.fr_warned ?? false,
      },
      resolution: {
        state: r.res_state ?? "pending",
        dueAt: iso(r.res_due_at),
        warned: r.res_warned ?? false,
        pausedSince: iso(r.paused_since),
      },
    };
    return { scope: { workspaceId: r.workspace_id, orgId: r.org_id }, sla };
  },

  /** Targets met and breached in [from, to): a met target counts when it was met, a breach when due. */
  async compliance(sql: Sql, workspaceId: string, from: string, to: string) {
    const { rows } = await sql.query<{
      fr_met: number;
      fr_breached: number;
      res_met: number;
      res_breached: number;
    }>(
      `select
         count(*) filter (where fr_breached_at is null and fr_met_at >= $2 and fr_met_at < $3)::int as fr_met,
         count(*) filter (where fr_breached_at >= $2 and fr_breached_at < $3)::int as fr_breached,
         count(*) filter (where res_state = 'met' and res_met_at >= $2 and res_met_at < $3)::int as res_met,
         count(*) filter (where res_breached_at >= $2 and res_breached_at < $3)::int as res_breached
       from ticket.ticket_slas
      where workspace_id = $1
        and ((fr_met_at >= $2 and fr_met_at < $3) or (fr_breached_at >= $2 and fr_breached_at < $3)
          or (res_met_at >= $2 and res_met_at < $3) or (res_breached_at >= $2 and res_breached_at < $3))`,
      [workspaceId, from, to],
    );
    const r = rows[0] ?? { fr_met: 0, fr_breached: 0, res_met: 0, res_breached: 0 };
    return r;
  },
};
