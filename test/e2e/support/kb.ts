import { waitFor } from "@signpost/testkit";
import type { E2eApp } from "./app.ts";

/** Publishes an article through the API and waits until the indexer serves it as a suggestion. */
export async function publishedArticle(
  app: E2eApp,
  article: { title: string; body: string; summary?: string; category?: string },
  typed: string,
) {
  const created = await app
    .api("editor")
    .kb.articles.create.mutate({ ...article, status: "published" });
  await waitFor(
    `"${article.title}" in suggestions`,
    async () => {
      const r = await app.api("customerA").kb.suggestions.suggest.query({ subject: typed });
      return r.suggestions.some((s) => s.id === created.id);
    },
    30_000,
  );
  return created;
}
