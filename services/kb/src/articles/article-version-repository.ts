import type { Sql } from "@signpost/db";

export interface VersionRow {
  version: number;
  title: string;
  summary: string;
  body: string;
  category: string;
  tags: string[];
  visibility: "public" | "internal";
  edited_by: string | null;
  created_at: Date;
}

/** Reads of `kb.article_versions` (written by the article repository on every save). */
export const articleVersionRepository = {
  async list(sql: Sql, articleId: string) {
    const { rows } = await sql.query<
      Pick<VersionRow, "version" | "title" | "edited_by" | "created_at">
    >(
      `select version, title, edited_by, created_at from kb.article_versions
        where article_id = $1 order by version desc`,
      [articleId],
    );
    return rows.map((r) => ({
      version: r.version,
      title: r.title,
      editedBy: r.edited_by,
      createdAt: new Date(r.created_at).toISOString(),
    }));
  },

  async get(sql: Sql, articleId: string, version: number): Promise<VersionRow | null> {
    const { rows } = await sql.query<VersionRow>(
      `select version, title, summary, body, category, tags, visibility, edited_by, created_at
         from kb.article_versions where article_id = $1 and version = $2`,
      [articleId, version],
    );
    return rows[0] ?? null;
  },

  async lastEditor(sql: Sql, articleId: string): Promise<string | null> {
    const { rows } = await sql.query<{ edited_by: string | null }>(
      `select edited_by from kb.article_versions
        where article_id = $1 and edited_by is not null order by version desc limit 1`,
      [articleId],
    );
    return rows[0]?.edited_by ?? null;
  },
};
