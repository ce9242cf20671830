import { matchPath, useLocation } from "../router.tsx";
import { ArticleById, ArticleBySlug } from "./help-article.tsx";
import { HelpHome } from "./help-home.tsx";

/** The help center: published public articles, open to signed-out readers too. */
export default function HelpArea() {
  const { path } = useLocation();
  const byId = matchPath("/help/articles/:id", path);
  const bySlug = matchPath("/help/:slug", path);
  if (byId?.id) return <ArticleById key={byId.id} articleId={byId.id} />;
  if (bySlug?.slug) return <ArticleBySlug key={bySlug.slug} slug={bySlug.slug} />;
  return <HelpHome />;
}
