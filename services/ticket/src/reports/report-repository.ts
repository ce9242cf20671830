import type { Sql } from "@signpost/db";

interface AgentFigureRow {
  agent_id: string;
  n: number;
  avg_minutes: number | null;
}

// The person who resolved a ticket: the last status change at or before its resolution.
const resolverOf = (ticket: string, at: string) => `(
  select a.actor_id from ticket.audit_log a
   where a.workspace_id = ${ticket}.workspace_id and a.ticket_id = ${ticket}.id
     and a.action = 'status_changed' and a.created_at <= ${at}
   order by a.seq desc limit 1)`;

/** Reads for the agent-performance and CSAT reports; every query is confined to one workspace. */
export const ticketReportRepository = {
  /** Tickets resolved in [from, to) per solver (assignee, else resolver), with average minutes. */
  async solvedByAgent(sql: Sql, workspaceId: string, from: string, to: string) {
    const { rows } = await sql.query<AgentFigureRow>(
      `select agent_id, count(*)::int as n,
              avg(extract(epoch from resolved_at - created_at) / 60)::float8 as avg_minutes
         from (select t.created_at, t.resolved_at,
                      coalesce(t.assignee_id, ${resolverOf("t", "t.resolved_at")}) as agent_id
                 from ticket.tickets t
                where t.workspace_id = $1 and t.resolved_at >= $2 and t.resolved_at < $3) s
        where agent_id is not null
        group by agent_id`,
      [workspaceId, from, to],
    );
    return rows;
  },

  /** First responses in [from, to) per author of the first public staff reply. */
  async firstResponsesByAgent(sql: Sql, workspaceId: string, from: string, to: string) {
    const { rows } = await sql.query<AgentFigureRow>(
      `select c.author_id as agent_id, count(*)::int as n,
              avg(extract(epoch from t.first_response_at - t.created_at) / 60)::float8 as avg_minutes
         from ticket.tickets t
         join lateral (
           select author_id from ticket.comments c
            where c.workspace_id = t.workspace_id and c.parent_type = 'ticket'
              and c.parent_id = t.id and c.author_is_staff and c.visibility = 'public'
            order by c.created_at limit 1) c on true
        where t.workspace_id = $1 and t.first_response_at >= $2 and t.first_response_at < $3
          and c.author_id is not null
        group by c.author_id`,
      [workspaceId, from, to],
    );
    return rows;
  },

  /** Ratings given in [from, to) per solver of the rated ticket. */
  async ratingsByAgent(sql: Sql, workspaceId: string, from: string, to: string) {
    const { rows } = await sql.query<{ agent_id: string; n: number; avg_rating: number }>(
      `select agent_id, count(*)::int as n, avg(rating)::float8 as avg_rating
         from (select r.rating,
                      coalesce(t.assignee_id, ${resolverOf("t", "r.created_at")}) as agent_id
                 from ticket.csat_ratings r
                 join ticket.tickets t on t.id = r.ticket_id and t.workspace_id = r.workspace_id
                where r.workspace_id = $1 and r.created_at >= $2 and r.created_at < $3) s
        where agent_id is not null
        group by agent_id`,
      [workspaceId, from, to],
    );
    return rows;
  },

  /** Names from the directory projection, for the ids given. */
  async names(sql: Sql, workspaceId: string, ids: string[]) {
    if (ids.length === 0) return new Map<string, string>();
    const { rows } = await sql.query<{ user_id: string; name: string }>(
      `select user_id, name from ticket.directory_people
        where workspace_id = $1 and user_id = any($2::uuid[])`,
      [workspaceId, ids],
    );
    return new Map(rows.map((r) => [r.user_id, r.name]));
  },

  /** Ratings in [from, to): the count per score. */
  async csatDistribution(sql: Sql, workspaceId: string, from: string, to: string) {
    const { rows } = await sql.query<{ rating: number; n: number }>(
      `select rating, count(*)::int as n from ticket.csat_ratings
        where workspace_id = $1 and created_at >= $2 and created_at < $3
        group by rating`,
      [workspaceId, from, to],
    );
    return rows;
  },

  /** The newest ratings in [from, to) that came with a comment. */
  async csatComments(sql: Sql, workspaceId: string, from: string, to: string, limit: number) {
    const { rows } = await sql.query<{
      ticket_id: string;
      number: number;
      subject: string;
      rating: number;
      comment: string;
      created_at: Date;
    }>(
      `select r.ticket_id, t.number, t.subject, r.rating, r.comment, r.created_at
         from ticket.csat_ratings r
         join ticket.tickets t on t.id = r.ticket_id and t.workspace_id = r.workspace_id
        where r.workspace_id = $1 and r.created_at >= $2 and r.created_at < $3
          and coalesce(r.comment, '') <> ''
        order by r.created_at desc limit $4`,
      [workspaceId, from, to, limit],
    );
    return rows;
  },
};
