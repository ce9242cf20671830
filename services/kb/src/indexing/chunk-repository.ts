import type { Sql } from "@signpost/db";

export interface ChunkToStore {
  ordinal: number;
  title: string;
  headingPath: string;
  content: string;
  contentHash: string;
  docLen: number;
  embedding: number[];
  embeddingModel: string;
}

export interface SourceScope {
  kind: "article" | "ticket";
  id: string;
  workspaceId: string;
  orgId: string | null;
  visibility: "public" | "internal" | "org";
}

const tsvOf = `setweight(to_tsvector('english', $title), 'A')
  || setweight(to_tsvector('english', $heading), 'B')
  || setweight(to_tsvector('english', $content), 'C')`;

/**
 * Writes BM25's postings of a source's chunks (see migration 0006): a term's frequency counts
 * its title positions 3 times and heading positions twice.
 */
async function addPostings(tx: Sql, s: Pick<SourceScope, "kind" | "id">) {
  await tx.query(
    `insert into kb.postings (workspace_id, term, chunk_id, tf, doc_len, visibility, org_id)
     select c.workspace_id, u.lexeme, c.id,
            (select count(*) filter (where x = 'A') * 3 + count(*) filter (where x = 'B') * 2
                    + count(*) filter (where x not in ('A', 'B')) from unnest(u.weights) x),
            c.doc_len, c.visibility, c.org_id
       from kb.chunks c, unnest(c.tsv) u
      where c.source_kind = $1 and c.source_id = $2`,
    [s.kind, s.id],
  );
}

/** Keeps `kb.term_df` in step with a source's chunks: -1 before they go, +1 after they come. */
async function adjustDf(
  tx: Sql,
  s: Pick<SourceScope, "kind" | "id" | "workspaceId">,
  sign: 1 | -1,
) {
  await tx.query(
    `insert into kb.term_df (workspace_id, term, df)
     select $3, u.lexeme, ${sign} * count(*) from kb.chunks c, unnest(c.tsv) u
      where c.source_kind = $1 and c.source_id = $2 group by u.lexeme
     on conflict (workspace_id, term) do update set df = term_df.df + excluded.df`,
    [s.kind, s.id, s.workspaceId],
  );
}

/** The only code that writes `kb.chunks`, `kb.postings` and `kb.term_df`. */
export const chunkRepository = {
  /** Stored vectors by content hash, so unchanged chunks are not embedded again. */
  async vectorsByHash(
    sql: Sql,
    kind: string,
    id: string,
    model: string,
  ): Promise<Map<string, number[]>> {
    const { rows } = await sql.query<{ content_hash: string; embedding: string }>(
      `select content_hash, embedding::text as embedding from kb.chunks
        where source_kind = $1 and source_id = $2 and embedding_model = $3`,
      [kind, id, model],
    );
    return new Map(rows.map((r) => [r.content_hash, JSON.parse(r.embedding) as number[]]));
  },

  async replace(tx: Sql, source: SourceScope, chunks: ChunkToStore[]): Promise<void> {
    await this.remove(tx, source);
    for (const c of chunks) {
      await tx.query(
        `insert into kb.chunks (workspace_id, source_kind, source_id, org_id, visibility, ordinal, title,
           heading_path, content, content_hash, doc_len, tsv, embedding, embedding_model)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,
           ${tsvOf.replace("$title", "$7").replace("$heading", "$8").replace("$content", "$9")},
           $12::vector, $13)`,
        [
          source.workspaceId,
          source.kind,
          source.id,
          source.orgId,
          source.visibility,
          c.ordinal,
          c.title,
          c.headingPath,
          c.content,
          c.contentHash,
          c.docLen,
          JSON.stringify(c.embedding),
          c.embeddingModel,
        ],
      );
    }
    await adjustDf(tx, source, 1);
    await addPostings(tx, source);
  },

  async remove(tx: Sql, source: Pick<SourceScope, "kind" | "id" | "workspaceId">): Promise<void> {
    await adjustDf(tx, source, -1);
    await tx.query(`delete from kb.chunks where source_kind = $1 and source_id = $2`, [
      source.kind,
      source.id,
    ]);
    await tx.query(`delete from kb.term_df where workspace_id = $1 and df <= 0`, [
      source.workspaceId,
    ]);
  },

  /** Sources with vectors from another model: the indexer re-embeds them in the background. */
  async staleSources(sql: Sql, model: string) {
    const { rows } = await sql.query<{
      source_kind: string;
      source_id: string;
      workspace_id: string;
    }>(
      `select distinct source_kind, source_id, workspace_id from kb.chunks
        where embedding_model is distinct from $1`,
      [model],
    );
    return rows;
  },
};
