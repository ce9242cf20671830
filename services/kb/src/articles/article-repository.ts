import type { TArticleSummary } from "@signpost/contracts";
import type { Sql } from "@signpost/db";

interface ArticleRow {
  id: string;
  slug: string;
  title: string;
  summary: string;
  category: string;
  visibility: "public" | "internal";
  status: "draft" | "published" | "archived";
  updated_at: Date;
}

const columns = "id, slug, title, summary, category, visibility, status, updated_at";

const toSummary = (r: ArticleRow): TArticleSummary => ({
  id: r.id,
  slug: r.slug,
  title: r.title,
  summary: r.summary,
  category: r.category,
  visibility: r.visibility,
  updatedAt: new Date(r.updated_at).toISOString(),
});

/** The only code that reads and writes `kb.articles`. */
export const articleRepository = {
  /** Inserts an article; a slug already taken in the workspace yields null. */
  async insert(
    tx: Sql,
    a: {
      workspaceId: string;
      slug: string;
      title: string;
      summary: string;
      body: string;
      category: string;
      visibility: "public" | "internal";
      status: "draft" | "published";
    },
  ) {
    const { rows } = await tx.query<ArticleRow>(
      `insert into kb.articles (workspace_id, slug, title, summary, body, category, visibility, status)
       values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (workspace_id, slug) do nothing
       returning ${columns}`,
      [a.workspaceId, a.slug, a.title, a.summary, a.body, a.category, a.visibility, a.status],
    );
    return rows[0] ? toSummary(rows[0]) : null;
  },

  /** Published articles; internal ones only when `includeInternal`. */
  async listPublished(sql: Sql, workspaceId: string, includeInternal: boolean) {
    const { rows } = await sql.query<ArticleRow>(
      `select ${columns} from kb.articles
        where workspace_id = $1 and status = 'published' and (visibility = 'public' or $2)
        order by title`,
      [workspaceId, includeInternal],
    );
    return rows.map(toSummary);
  },
};
