import type { Sql } from "@signpost/db";

export interface UnansweredQuery {
  text: string;
  terms: string[];
  created_at: Date;
}

/** Reads of `kb.suggestion_queries` for the gap report. */
export const gapRepository = {
  /**
   * What people finally typed (not the prefixes they kept typing past) that got no suggestion
   * close in meaning and no click or "solved", with its stemmed words.
   */
  async unanswered(
    sql: Sql,
    workspaceId: string,
    days: number,
    goodSimilarity: number,
  ): Promise<UnansweredQuery[]> {
    const { rows } = await sql.query<UnansweredQuery>(
      `select s.text, s.created_at,
              array(select distinct u.lexeme from unnest(to_tsvector('english', s.text)) u
                     order by 1) as terms
         from kb.suggestion_queries s
        where s.workspace_id = $1 and s.created_at > now() - make_interval(days => $2)
          and (s.results = 0 or s.best_similarity < $3)
          and not exists (select 1 from kb.suggestion_events e
                           where e.query_id = s.query_id and e.kind in ('click', 'solved'))
          and not exists (select 1 from kb.suggestion_queries l
                           where l.workspace_id = s.workspace_id and l.user_id = s.user_id
                             and l.created_at > s.created_at
                             and l.created_at < s.created_at + interval '30 minutes'
                             and starts_with(l.text, s.text))
        order by s.created_at desc limit 5000`,
      [workspaceId, days, goodSimilarity],
    );
    return rows;
  },
};
