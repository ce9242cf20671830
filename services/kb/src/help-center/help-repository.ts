import type { Sql } from "@signpost/db";

interface HelpRow {
  id: string;
  slug: string;
  title: string;
  summary: string;
  body: string;
  category: string;
  tags: string[];
  published_at: Date | null;
  updated_at: Date;
}

const columns = `id, slug, title, summary, body, category, tags, published_at, updated_at`;
// The help center shows published public articles and nothing else, whoever asks.
const published = `workspace_id = $1 and status = 'published' and visibility = 'public'`;

export const toHelpSummary = (r: Omit<HelpRow, "body" | "tags" | "published_at">) => ({
  id: r.id,
  slug: r.slug,
  title: r.title,
  summary: r.summary,
  category: r.category,
  updatedAt: new Date(r.updated_at).toISOString(),
});

export const toHelpArticle = (r: HelpRow) => ({
  ...toHelpSummary(r),
  body: r.body,
  tags: r.tags,
  publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
});

/** Reads of `kb.articles` for the public help center. */
export const helpRepository = {
  async list(sql: Sql, workspaceId: string, category: string | undefined) {
    const { rows } = await sql.query<HelpRow>(
      `select ${columns} from kb.articles where ${published} and ($2::text is null or category = $2)
        order by category, title`,
      [workspaceId, category ?? null],
    );
    return rows.map(toHelpSummary);
  },

  async bySlug(sql: Sql, workspaceId: string, slug: string) {
    const { rows } = await sql.query<HelpRow>(
      `select ${columns} from kb.articles where ${published} and slug = $2`,
      [workspaceId, slug],
    );
    return rows[0] ? toHelpArticle(rows[0]) : null;
  },

  async byIds(sql: Sql, workspaceId: string, ids: string[]) {
    const { rows } = await sql.query<HelpRow>(
      `select ${columns} from kb.articles where ${published} and id = any($2::uuid[])`,
      [workspaceId, ids],
    );
    return new Map(rows.map((r) => [r.id, toHelpSummary(r)]));
  },

  async isPublished(sql: Sql, workspaceId: string, id: string) {
    const { rows } = await sql.query<{ title: string }>(
      `select title from kb.articles where ${published} and id = $2`,
      [workspaceId, id],
    );
    return rows[0] ?? null;
  },
};
