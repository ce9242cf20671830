import type { Sql } from "@signpost/db";
import type { TBusinessCalendar, TSlaPolicy, TTicketPriority } from "@signpost/contracts";

interface PolicyRow {
  id: string;
  name: string;
  priority: TTicketPriority;
  category: string | null;
  org_id: string | null;
  first_response_minutes: number;
  resolution_minutes: number;
  calendar_id: string | null;
  escalate_raise_priority: boolean;
  escalate_group_id: string | null;
}

interface CalendarRow {
  id: string;
  name: string;
  time_zone: string;
  hours: TBusinessCalendar["hours"];
  holidays: TBusinessCalendar["holidays"];
}

const toPolicy = (r: PolicyRow): TSlaPolicy => ({
  id: r.id,
  name: r.name,
  priority: r.priority,
  category: r.category,
  orgId: r.org_id,
  firstResponseMinutes: Number(r.first_response_minutes),
  resolutionMinutes: Number(r.resolution_minutes),
  calendarId: r.calendar_id,
  escalateRaisePriority: r.escalate_raise_priority,
  escalateGroupId: r.escalate_group_id,
});

const toCalendar = (r: CalendarRow): TBusinessCalendar => ({
  id: r.id,
  name: r.name,
  timeZone: r.time_zone,
  hours: r.hours,
  holidays: r.holidays,
});

/** The applicable policy and its calendar, read ahead by a caller (see `applicableSql`). */
export interface KnownSla {
  policy: TSlaPolicy | null;
  calendar: TBusinessCalendar | null;
}

/**
 * Which of a workspace's policies applies (alias `p`): an organization match outranks a category
 * match, which outranks a policy for the priority alone; among equals the newest wins.
 */
const applicable = (workspaceId: string, priority: string, category: string, orgId: string) =>
  `p.workspace_id = ${workspaceId} and p.priority = ${priority}
     and (p.category is null or p.category = ${category})
     and (p.org_id is null or p.org_id = ${orgId}::uuid)
   order by (p.org_id is not null) desc, (p.category is not null) desc, p.updated_at desc
   limit 1`;

const policyColumns = `id, name, priority, category, org_id, first_response_minutes,
  resolution_minutes, calendar_id, escalate_raise_priority, escalate_group_id`;

/** The only code that reads and writes SLA policies, calendars and settings. */
export const policyRepository = {
  async listPolicies(sql: Sql, workspaceId: string): Promise<TSlaPolicy[]> {
    const { rows } = await sql.query<PolicyRow>(
      `select ${policyColumns} from ticket.sla_policies where workspace_id = $1
        order by priority, category nulls first, org_id nulls first, created_at`,
      [workspaceId],
    );
    return rows.map(toPolicy);
  },

  /**
   * The most specific policy for a ticket: an organization match outranks a category match, which
   * outranks a policy for the priority alone; among equals the newest wins.
   */
  async findApplicable(
    sql: Sql,
    q: { workspaceId: string; priority: string; category: string; orgId: string | null },
  ): Promise<TSlaPolicy | null> {
    const { rows } = await sql.query<PolicyRow>(
      `select ${policyColumns} from ticket.sla_policies p where ${applicable("$1", "$2", "$3", "$4")}`,
      [q.workspaceId, q.priority, q.category, q.orgId],
    );
    return rows[0] ? toPolicy(rows[0]) : null;
  },

  /**
   * `findApplicable` and the policy's calendar as one scalar subquery (json, or null without a
   * policy) over the caller's expressions, so the hot path of opening a ticket can fold it into its
   * own read instead of paying two more round trips. Parse its value with `toApplicable`.
   */
  applicableSql(workspaceId: string, priority: string, category: string, orgId: string): string {
    return `(select json_build_object(
         'policy', json_build_object(${policyColumns
           .split(",")
           .map((c) => `'${c.trim()}', p.${c.trim()}`)
           .join(", ")}),
         'calendar', (select json_build_object('id', c.id, 'name', c.name,
                        'time_zone', c.time_zone, 'hours', c.hours, 'holidays', c.holidays)
                        from ticket.sla_calendars c
                       where c.workspace_id = p.workspace_id and c.id = p.calendar_id))
       from ticket.sla_policies p where ${applicable(workspaceId, priority, category, orgId)})`;
  },

  toApplicable(value: unknown): KnownSla {
    const v = value as { policy: PolicyRow; calendar: CalendarRow | null } | null;
    return {
      policy: v ? toPolicy(v.policy) : null,
      calendar: v?.calendar ? toCalendar(v.calendar) : null,
    };
  },

  async getPolicy(sql: Sql, workspaceId: string, id: string): Promise<TSlaPolicy | null> {
    const { rows } = await sql.query<PolicyRow>(
      `select ${policyColumns} from ticket.sla_policies where workspace_id = $1 and id = $2`,
      [workspaceId, id],
    );
    return rows[0] ? toPolicy(rows[0]) : null;
  },

  async upsertPolicy(sql: Sql, workspaceId: string, p: TSlaPolicy): Promise<TSlaPolicy> {
    const { rows } = await sql.query<PolicyRow>(
      `insert into ticket.sla_policies (${policyColumns}, workspace_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       on conflict (id) do update set name = $2, priority = $3, category = $4, org_id = $5,
         first_response_minutes = $6, resolution_minutes = $7, calendar_id = $8,
         escalate_raise_priority = $9, escalate_group_id = $10, updated_at = now()
       returning ${policyColumns}`,
      [
        p.id,
        p.name,
        p.priority,
        p.category,
        p.orgId,
        p.firstResponseMinutes,
        p.resolutionMinutes,
        p.calendarId,
        p.escalateRaisePriority,
        p.escalateGroupId,
        workspaceId,
      ],
    );
    return toPolicy(rows[0] as PolicyRow);
  },

  async deletePolicy(sql: Sql, workspaceId: string, id: string): Promise<boolean> {
    const r = await sql.query(
      `delete from ticket.sla_policies where workspace_id = $1 and id = $2`,
      [workspaceId, id],
    );
    return r.rowCount > 0;
  },

  async listCalendars(sql: Sql, workspaceId: string): Promise<TBusinessCalendar[]> {
    const { rows } = await sql.query<CalendarRow>(
      `select id, name, time_zone, hours, holidays from ticket.sla_calendars
        where workspace_id = $1 order by name, id`,
      [workspaceId],
    );
    return rows.map(toCalendar);
  },

  async getCalendar(sql: Sql, workspaceId: string, id: string): Promise<TBusinessCalendar | null> {
    const { rows } = await sql.query<CalendarRow>(
      `select id, name, time_zone, hours, holidays from ticket.sla_calendars
        where workspace_id = $1 and id = $2`,
      [workspaceId, id],
    );
    return rows[0] ? toCalendar(rows[0]) : null;
  },

  async upsertCalendar(sql: Sql, workspaceId: string, c: TBusinessCalendar) {
    const { rows } = await sql.query<CalendarRow>(
      `insert into ticket.sla_calendars (id, workspace_id, name, time_zone, hours, holidays)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (id) do update set name = $3, time_zone = $4, hours = $5, holidays = $6,
         updated_at = now()
       returning id, name, time_zone, hours, holidays`,
      [c.id, workspaceId, c.name, c.timeZone, JSON.stringify(c.hours), JSON.stringify(c.holidays)],
    );
    return toCalendar(rows[0] as CalendarRow);
  },

  async calendarInUse(sql: Sql, id: string): Promise<boolean> {
    const { rows } = await sql.query(
      `select 1 from ticket.sla_policies where calendar_id = $1 limit 1`,
      [id],
    );
    return rows.length > 0;
  },

  async deleteCalendar(sql: Sql, workspaceId: string, id: string): Promise<boolean> {
    const r = await sql.query(
      `delete from ticket.sla_calendars where workspace_id = $1 and id = $2`,
      [workspaceId, id],
    );
    return r.rowCount > 0;
  },

  async autoCloseDays(sql: Sql, workspaceId: string): Promise<number> {
    const { rows } = await sql.query<{ auto_close_days: number }>(
      `select auto_close_days from ticket.sla_settings where workspace_id = $1`,
      [workspaceId],
    );
    return rows[0] ? Number(rows[0].auto_close_days) : defaultAutoCloseDays;
  },

  async setAutoCloseDays(sql: Sql, workspaceId: string, days: number): Promise<void> {
    await sql.query(
      `insert into ticket.sla_settings (workspace_id, auto_close_days) values ($1, $2)
       on conflict (workspace_id) do update set auto_close_days = $2`,
      [workspaceId, days],
    );
  },
};

export const defaultAutoCloseDays = 3;
