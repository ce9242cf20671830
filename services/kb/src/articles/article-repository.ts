import type { TArticle, TArticleSummary } from "@signpost/contracts";
import type { Sql } from "@signpost/db";

interface ArticleRow {
  id: string;
  workspace_id: string;
  slug: string;
  title: string;
  summary: string;
  body: string;
  category: string;
  tags: string[];
  visibility: "public" | "internal";
  status: "draft" | "published" | "archived";
  version: number;
  published_at: Date | null;
  updated_at: Date;
}

const columns = `id, workspace_id, slug, title, summary, body, category, tags, visibility, status,
  version, published_at, updated_at`;

const toSummary = (r: ArticleRow): TArticleSummary => ({
  id: r.id,
  slug: r.slug,
  title: r.title,
  summary: r.summary,
  category: r.category,
  visibility: r.visibility,
  updatedAt: new Date(r.updated_at).toISOString(),
});

export const toArticle = (r: ArticleRow): TArticle => ({
  ...toSummary(r),
  body: r.body,
  status: r.status,
  tags: r.tags,
  version: r.version,
  publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
});

export type ArticleFields = Pick<
  ArticleRow,
  "title" | "summary" | "body" | "category" | "tags" | "visibility"
>;

/** The only code that reads and writes `kb.articles` and `kb.article_versions`. */
export const articleRepository = {
  /** Inserts an article (version 1); a slug already taken in the workspace yields null. */
  async insert(
    tx: Sql,
    a: ArticleFields & {
      workspaceId: string;
      slug: string;
      status: "draft" | "published";
      editedBy: string | null;
    },
  ): Promise<ArticleRow | null> {
    const { rows } = await tx.query<ArticleRow>(
      `insert into kb.articles (workspace_id, slug, title, summary, body, category, tags, visibility, status,
         published_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, case when $9 = 'published' then now() end)
       on conflict (workspace_id, slug) do nothing returning ${columns}`,
      [
        a.workspaceId,
        a.slug,
        a.title,
        a.summary,
        a.body,
        a.category,
        a.tags,
        a.visibility,
        a.status,
      ],
    );
    if (rows[0]) await this.recordVersion(tx, rows[0], a.editedBy);
    return rows[0] ?? null;
  },

  async lock(tx: Sql, workspaceId: string, id: string): Promise<ArticleRow | null> {
    const { rows } = await tx.query<ArticleRow>(
      `select ${columns} from kb.articles where workspace_id = $1 and id = $2 for update`,
      [workspaceId, id],
    );
    return rows[0] ?? null;
  },

  async find(sql: Sql, workspaceId: string, id: string): Promise<ArticleRow | null> {
    const { rows } = await sql.query<ArticleRow>(
      `select ${columns} from kb.articles where workspace_id = $1 and id = $2`,
      [workspaceId, id],
    );
    return rows[0] ?? null;
  },

  /** For the indexer, which works across workspaces. */
  async forIndexing(sql: Sql, id: string): Promise<ArticleRow | null> {
    const { rows } = await sql.query<ArticleRow>(
      `select ${columns} from kb.articles where id = $1`,
      [id],
    );
    return rows[0] ?? null;
  },

  /** Saves new content as the next version. */
  async update(
    tx: Sql,
    current: ArticleRow,
    fields: ArticleFields,
    editedBy: string,
  ): Promise<ArticleRow> {
    const { rows } = await tx.query<ArticleRow>(
      `update kb.articles set title = $2, summary = $3, body = $4, category = $5, tags = $6, visibility = $7,
         version = version + 1, updated_at = now()
       where id = $1 returning ${columns}`,
      [
        current.id,
        fields.title,
        fields.summary,
        fields.body,
        fields.category,
        fields.tags,
        fields.visibility,
      ],
    );
    const updated = rows[0] as ArticleRow;
    await this.recordVersion(tx, updated, editedBy);
    return updated;
  },

  async setStatus(tx: Sql, id: string, status: ArticleRow["status"]): Promise<ArticleRow> {
    const { rows } = await tx.query<ArticleRow>(
      `update kb.articles set status = $2, updated_at = now(),
         published_at = case when $2 = 'published' then now() else published_at end
       where id = $1 returning ${columns}`,
      [id, status],
    );
    return rows[0] as ArticleRow;
  },

  async recordVersion(tx: Sql, a: ArticleRow, editedBy: string | null) {
    await tx.query(
      `insert into kb.article_versions (article_id, version, title, summary, body, category, tags, visibility,
         edited_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [a.id, a.version, a.title, a.summary, a.body, a.category, a.tags, a.visibility, editedBy],
    );
  },

  /** Articles in one status; internal ones only when `includeInternal`. */
  async listByStatus(
    sql: Sql,
    workspaceId: string,
    status: ArticleRow["status"],
    includeInternal: boolean,
  ) {
    const { rows } = await sql.query<ArticleRow>(
      `select ${columns} from kb.articles
        where workspace_id = $1 and status = $2 and (visibility = 'public' or $3)
        order by ${status === "published" ? "title" : "updated_at desc, title"}`,
      [workspaceId, status, includeInternal],
    );
    return rows.map(toSummary);
  },
};
