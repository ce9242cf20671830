import { useQuery } from "@tanstack/react-query";
import { articleQuery } from "../queries.ts";
import { Link } from "../router.tsx";
import { useTitle } from "../shell/use-title.ts";
import { formatDate } from "../ui/format.ts";
import { LazyMarkdown } from "../ui/lazy-markdown.tsx";
import { ErrorNotice, Loading } from "../ui/states.tsx";

/** One published article in the help center. */
export function HelpArticle({ articleId }: { articleId: string }) {
  const article = useQuery(articleQuery(articleId));
  useTitle(article.data?.title ?? "Article");
  return (
    <article>
      <Link to="/portal/help">← Help center</Link>
      {article.isPending ? (
        <Loading />
      ) : article.isError ? (
        <ErrorNotice error={article.error} retry={() => void article.refetch()} />
      ) : (
        <>
          <h1>{article.data.title}</h1>
          <p className="muted">Updated {formatDate(article.data.updatedAt)}</p>
          <LazyMarkdown source={article.data.body} />
          <p>
            Still stuck? <Link to="/portal/new">Open a ticket</Link>.
          </p>
        </>
      )}
    </article>
  );
}
