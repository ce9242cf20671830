import type { Sql } from "@signpost/db";

/** The only code that reads and writes views, "did this help?" answers and ticket links. */
export const helpfulnessRepository = {
  async recordView(sql: Sql, workspaceId: string, articleId: string) {
    await sql.query(`insert into kb.article_views (workspace_id, article_id) values ($1, $2)`, [
      workspaceId,
      articleId,
    ]);
  },

  async recordFeedback(
    sql: Sql,
    f: {
      workspaceId: string;
      articleId: string;
      userId: string | null;
      helpful: boolean;
      comment: string | null;
    },
  ) {
    await sql.query(
      `insert into kb.article_feedback (workspace_id, article_id, user_id, helpful, comment)
       values ($1, $2, $3, $4, $5)`,
      [f.workspaceId, f.articleId, f.userId, f.helpful, f.comment],
    );
  },

  /** Links are idempotent: linking the same ticket twice keeps the first link. */
  async linkTicket(sql: Sql, workspaceId: string, articleId: string, ticketId: string, by: string) {
    await sql.query(
      `insert into kb.article_ticket_links (workspace_id, article_id, ticket_id, linked_by)
       values ($1, $2, $3, $4) on conflict (article_id, ticket_id) do nothing`,
      [workspaceId, articleId, ticketId, by],
    );
  },

  /** Views, answers, suggestion outcomes and linked tickets of one article, in one round trip. */
  async stats(sql: Sql, workspaceId: string, articleId: string) {
    const { rows } = await sql.query<{
      views: number;
      helpful: number;
      not_helpful: number;
      deflections: number;
      clicks: number;
      links: { ticket_id: string; created_at: string }[] | null;
      comments: { helpful: boolean; comment: string; created_at: string }[] | null;
    }>(
      `select
         (select count(*)::int from kb.article_views where article_id = $2 and workspace_id = $1) as views,
         (select count(*) filter (where helpful)::int from kb.article_feedback
           where article_id = $2 and workspace_id = $1) as helpful,
         (select count(*) filter (where not helpful)::int from kb.article_feedback
           where article_id = $2 and workspace_id = $1) as not_helpful,
         (select count(distinct query_id)::int from kb.suggestion_events
           where source_id = $2 and workspace_id = $1 and kind = 'solved') as deflections,
         (select count(*)::int from kb.suggestion_events
           where source_id = $2 and workspace_id = $1 and kind = 'click') as clicks,
         (select json_agg(json_build_object('ticket_id', ticket_id, 'created_at', created_at)
                          order by created_at desc)
            from kb.article_ticket_links where article_id = $2 and workspace_id = $1) as links,
         (select json_agg(json_build_object('helpful', helpful, 'comment', comment,
                          'created_at', created_at) order by created_at desc)
            from (select * from kb.article_feedback
                   where article_id = $2 and workspace_id = $1 and comment is not null
                   order by created_at desc limit 20) f) as comments`,
      [workspaceId, articleId],
    );
    return rows[0] as NonNullable<(typeof rows)[0]>;
  },
};
