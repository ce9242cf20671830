import type { Db, Sql } from "@signpost/db";

export interface Audience {
  workspaceId: string;
  staff: boolean;
  orgId: string | null;
}

export interface ChunkHit {
  chunk_id: string;
  source_kind: "article" | "ticket";
  source_id: string;
  title: string;
  content: string;
  score: number;
}

// Who may see a chunk: staff everything in the workspace; customers public articles and their own
// organization's resolved tickets. Applied inside every query, never after.
const visible = `c.workspace_id = $1 and ($2::boolean or c.visibility = 'public'
  or (c.visibility = 'org' and c.org_id = $3::uuid))`;

// Term frequency saturates later than the textbook 1.2: a title term repeated in the body is strong
// evidence for short FAQ-style articles.
const k1 = 1.6;
const b = 0.75;

/** The only code that searches `kb.chunks`. */
export const searchRepository = {
  /** Stemmed lexemes of `text` (English), without stop words. */
  async lexemes(sql: Sql, text: string): Promise<string[]> {
    const { rows } = await sql.query<{ lexeme: string }>(
      `select lexeme from unnest(to_tsvector('english', $1))`,
      [text],
    );
    return rows.map((r) => r.lexeme);
  },

  /** Known terms that start with `prefix`, most common first (the word being typed). */
  async prefixTerms(
    sql: Sql,
    workspaceId: string,
    prefix: string,
    limit: number,
  ): Promise<string[]> {
    const { rows } = await sql.query<{ term: string }>(
      `select term from kb.term_df where workspace_id = $1 and term like $2 || '%' and term <> $2
        order by df desc limit $3`,
      [workspaceId, prefix.replace(/[\\%_]/g, ""), limit],
    );
    return rows.map((r) => r.term);
  },

  /** For terms the KB has never seen: the closest known spellings (typos). */
  async nearTerms(
    sql: Sql,
    workspaceId: string,
    terms: string[],
  ): Promise<{ term: string; near: string; sim: number }[]> {
    if (terms.length === 0) return [];
    const { rows } = await sql.query<{ term: string; near: string; sim: number }>(
      `select q.term, n.term as near, n.sim from unnest($2::text[]) q(term)
         cross join lateral (
           select t.term, similarity(t.term, q.term) as sim from kb.term_df t
            where t.workspace_id = $1 and t.term % q.term
              and not exists (select 1 from kb.term_df k where k.workspace_id = $1 and k.term = q.term)
            order by sim desc limit 2) n`,
      [workspaceId, terms],
    );
    return rows;
  },

  /**
   * BM25 over the chunks a person may see, with field weights (title 3, headings 2, body 1) and
   * IDF from the workspace's own document frequencies. `weights` scale each query term.
   */
  async bm25(
    sql: Sql,
    who: Audience,
    terms: string[],
    weights: number[],
    limit: number,
  ): Promise<ChunkHit[]> {
    if (terms.length === 0) return [];
    const tsquery = terms.map((t) => `'${t.replace(/['\\]/g, "")}'`).join(" | ");
    const { rows } = await sql.query<ChunkHit>(
      `with q(term, qw) as (select * from unnest($4::text[], $5::float8[])),
       stats as (
         select greatest(count(*), 1)::float8 as n, coalesce(avg(doc_len), 1)::float8 as avgdl
           from kb.chunks c where ${visible}),
       qi as (
         select q.term, q.qw, ln(1 + (s.n - coalesce(t.df, 0) + 0.5) / (coalesce(t.df, 0) + 0.5)) as idf
           from q cross join stats s
           left join kb.term_df t on t.workspace_id = $1 and t.term = q.term),
       cand as (select c.* from kb.chunks c where ${visible} and c.tsv @@ $6::tsquery)
       select cand.id as chunk_id, cand.source_kind, cand.source_id, cand.title, cand.content,
              sum(qi.qw * qi.idf * tf.w * ${k1 + 1}
                  / (tf.w + ${k1} * (${1 - b} + ${b} * cand.doc_len / s.avgdl)))::float8 as score
         from cand cross join stats s
         cross join lateral unnest(cand.tsv) u
         join qi on qi.term = u.lexeme
         cross join lateral (
           select sum(case x when 'A' then 3 when 'B' then 2 else 1 end)::float8 as w
             from unnest(u.weights) x) tf
        group by cand.id, cand.source_kind, cand.source_id, cand.title, cand.content
        order by score desc limit $7`,
      [who.workspaceId, who.staff, who.orgId, terms, weights, tsquery, limit],
    );
    return rows;
  },

  /** Nearest chunks by cosine similarity to `vector`, among those a person may see. */
  async nearest(db: Db, who: Audience, vector: number[], limit: number): Promise<ChunkHit[]> {
    // HNSW returns at most ef_search neighbours (40 by default) before the visibility filter: ask
    // for as many as the caller wants, and let the scan keep going when the filter drops some.
    const { rows } = await db.transaction(async (tx) => {
      await tx.query(`select set_config('hnsw.ef_search', $1, true)`, [
        String(Math.max(40, limit)),
      ]);
      await tx.query(`select set_config('hnsw.iterative_scan', 'relaxed_order', true)`);
      return tx.query<ChunkHit>(
        `select c.id as chunk_id, c.source_kind, c.source_id, c.title, c.content,
                (1 - (c.embedding <=> $4::vector))::float8 as score
           from kb.chunks c where ${visible} and c.embedding is not null
          order by c.embedding <=> $4::vector limit $5`,
        [who.workspaceId, who.staff, who.orgId, JSON.stringify(vector), limit],
      );
    });
    return rows;
  },
};
