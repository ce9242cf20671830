import type { Db, Sql } from "@signpost/db";
import type { CorpusStats } from "./corpus-stats.ts";

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
// The word being typed stands for its likeliest completions, each worth a little less than a word.
const prefixExpansions = 4;
const prefixWeight = 0.8;
const prefixStep = 0.1;
// A close spelling of an unknown word counts for most of a word, by its trigram similarity.
const nearWeight = 0.7;
// Chunks (summed document frequencies of the rarest query terms) that BM25 scores at most.
const candidateBudget = 1000;
// Candidates (best on the rare terms) that are also scored on the common ones.
const rescored = 150;

// The same rule on the columns a posting carries.
const postingVisible = `($2::boolean or p.visibility = 'public'
  or (p.visibility = 'org' and p.org_id = $3::uuid))`;
// BM25's share of one query term in one chunk (aliases p for the posting, qi for the term).
const part = `qi.wi * p.tf * ${k1 + 1} / (p.tf + ${k1} * (${1 - b} + ${b} * p.doc_len / $7))`;

const likeSafe = (s: string) => s.replace(/[\\%_]/g, "");

/** The only code that searches `kb.chunks`. */
export const searchRepository = {
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
      [workspaceId, likeSafe(prefix), limit],
    );
    return rows.map((r) => r.term);
  },

  /**
   * BM25 over the chunks a person may see, in one round trip: the stemmed words of `complete`,
   * the word being typed (`partial`) as a word and expanded to the known terms it begins, and the
   * closest known spellings of words the KB has never seen (typos). Field weights: title 3,
   * headings 2, body 1; IDF from the workspace's own document frequencies. A word counts as often
   * as it was typed: someone who writes a long question repeats what it is about (the subject's
   * words come back in the description), and deduplicating them weighed the topic like any aside.
   * The word being typed counts once, by its best completion (or spelling) in a chunk: a chunk with
   * both "string" and "stream" is no likelier to be what "str" means than one with "strikethrough".
   * (Its completions among the rare terms and among the common ones are each taken at their best.)
   */
  async lexical(
    sql: Sql,
    who: Audience,
    q: { complete: string; partial: string; stats: CorpusStats },
    limit: number,
  ): Promise<ChunkHit[]> {
    const partial = q.partial.length >= 2 ? q.partial : "";
    const { rows } = await sql.query<ChunkHit>(
      `with
       words as (
         select lexeme as term, array_length(positions, 1)::float8 as n, false as typing
           from unnest(to_tsvector('english', $4))
         union all
         select * from (select lexeme, 1::float8, true from unnest(to_tsvector('english', $5)) limit 1) p),
       prefix as (
         select term, ${prefixWeight} - ${prefixStep} * (row_number() over (order by df desc) - 1) as qw
           from (select term, df from kb.term_df
                  where workspace_id = $1 and $9 <> '' and term like $9 || '%' and term <> $9
                  order by df desc limit ${prefixExpansions}) x),
       near as (
         select n.term, ${nearWeight} * n.sim as qw, q.typing
           from (select term, typing from words union select term, true from prefix) q
           cross join lateral (
             select t.term, similarity(lower(t.term), q.term)::float8 as sim from kb.term_df t
              where t.workspace_id = $1 and lower(t.term) % q.term
                and not exists (select 1 from kb.term_df k where k.workspace_id = $1 and k.term = q.term)
              order by sim desc limit 2) n),
       q as (
         select term, max(qw)::float8 as qw, bool_and(typing) as typing from (
           select term, n as qw, typing from words
           union all select term, qw, true from prefix
           union all select term, qw, typing from near) t
          where strpos(term, chr(39)) = 0 and strpos(term, chr(92)) = 0
          group by term),
       qi as (
         select q.term, q.typing, coalesce(t.df, 0) as df,
                q.qw * ln(1 + ($6 - coalesce(t.df, 0) + 0.5) / (coalesce(t.df, 0) + 0.5)) as wi
           from q left join kb.term_df t on t.workspace_id = $1 and t.term = q.term),
       -- Candidates come from the rarest terms, up to a budget of postings: a chunk that shares
       -- only common words with the query would not make the top anyway, and scoring every chunk
       -- with "use" or "account" in a large KB costs far more than the search is worth.
       rare as (
         select term from (
           select term, sum(df) over (order by df, term rows unbounded preceding) - df as before
             from qi) r
          where before < ${candidateBudget}),
       -- Candidates straight from the postings of the rare terms, filtered on the columns the
       -- postings carry (an index-only scan), scored on those terms first. Only the best of them
       -- are then scored on the common terms too, from their own postings (one index range per
       -- chunk): a common term weighs little, and probing every candidate for it cost more than
       -- the rest of the search.
       cand as (
         select chunk_id, sum(s)::float8 as score from (
           select p.chunk_id, ${part} as s
             from rare join qi on qi.term = rare.term and not qi.typing
             join kb.postings p on p.workspace_id = $1 and p.term = rare.term
            where ${postingVisible}
           union all
           select p.chunk_id, max(${part})
             from rare join qi on qi.term = rare.term and qi.typing
             join kb.postings p on p.workspace_id = $1 and p.term = rare.term
            where ${postingVisible}
            group by p.chunk_id) u
          group by chunk_id
          order by score desc limit ${rescored}),
       scored as (
         select cand.chunk_id, cand.score
                + coalesce(sum(${part}) filter (where not qi.typing), 0)
                + coalesce(max(${part}) filter (where qi.typing), 0)::float8 as score
           from cand
           left join lateral (
             select p.term, p.tf, p.doc_len from kb.postings p
              where p.chunk_id = cand.chunk_id
                and p.term = any((select array_agg(term) from qi
                                   where term not in (select term from rare))::text[])) p on true
           left join qi on qi.term = p.term
          group by cand.chunk_id, cand.score
          order by score desc limit $8)
       select c.id as chunk_id, c.source_kind, c.source_id, c.title, c.content, s.score
         from scored s join kb.chunks c on c.id = s.chunk_id
        where ${visible}
        order by s.score desc`,
      [
        who.workspaceId,
        who.staff,
        who.orgId,
        q.complete,
        partial,
        q.stats.n,
        q.stats.avgdl,
        limit,
        likeSafe(partial),
      ],
    );
    return rows;
  },

  /** Stored vectors of chunks, for feedback on the query vector. */
  async vectorsOf(sql: Sql, chunkIds: string[]): Promise<number[][]> {
    if (chunkIds.length === 0) return [];
    const { rows } = await sql.query<{ v: string }>(
      `select embedding::text as v from kb.chunks where id = any($1::uuid[]) and embedding is not null`,
      [chunkIds],
    );
    return rows.map((r) => JSON.parse(r.v) as number[]);
  },

  /** Nearest chunks by cosine similarity to `vector`, among those a person may see. */
  async nearest(db: Db, who: Audience, vector: number[], limit: number): Promise<ChunkHit[]> {
    // HNSW returns at most ef_search neighbours (40 by default) before the visibility filter: ask
    // for as many as the caller wants, and let the scan keep going when the filter drops some.
    const { rows } = await db.transaction(async (tx) => {
      await tx.query(
        `select set_config('hnsw.ef_search', $1, true),
                set_config('hnsw.iterative_scan', 'relaxed_order', true)`,
        [String(Math.max(40, limit))],
      );
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
