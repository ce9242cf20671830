import { useQuery } from "@tanstack/react-query";
import { articleQuery } from "../queries.ts";
import { Link } from "../router.tsx";
import { canUse, useMe } from "../session.ts";
import { useTitle } from "../shell/use-title.ts";
import { formatDate } from "../ui/format.ts";
import { LazyMarkdown } from "../ui/lazy-markdown.tsx";
import { ErrorNotice, Loading } from "../ui/states.tsx";
import { Feedback } from "./feedback.tsx";
import { helpHref } from "./help-links.ts";
import { helpArticleQuery } from "./help-queries.ts";

interface Shown {
  id: string;
  title: string;
  body: string;
  updatedAt: string;
}

function ArticleView({
  query,
}: {
  query: {
    data?: Shown | undefined;
    error: unknown;
    isPending: boolean;
    isError: boolean;
    refetch: () => unknown;
  };
}) {
  useTitle(query.data?.title ?? "Article");
  const me = useMe().data;
  return (
    <article>
      <Link to={helpHref("/help")}>← Help center</Link>
      {query.isPending ? (
        <Loading />
      ) : query.isError || !query.data ? (
        <ErrorNotice error={query.error} retry={() => void query.refetch()} />
      ) : (
        <>
          <h1>{query.data.title}</h1>
          <p className="muted">Updated {formatDate(query.data.updatedAt)}</p>
          <LazyMarkdown source={query.data.body} />
          <Feedback articleId={query.data.id} />
          {me && canUse(me.roles, "kb") ? (
            <p>
              <Link to={`/kb/articles/${query.data.id}`}>Edit this article</Link>
            </p>
          ) : me && canUse(me.roles, "portal") ? (
            <p>
              Still stuck? <Link to="/portal/new">Open a ticket</Link>.
            </p>
          ) : null}
        </>
      )}
    </article>
  );
}

/** The help center's address for an article (what readers share). */
export function ArticleBySlug({ slug }: { slug: string }) {
  return <ArticleView query={useQuery(helpArticleQuery(slug))} />;
}

/** The address suggestions and citations carry (signed-in readers). */
export function ArticleById({ articleId }: { articleId: string }) {
  return <ArticleView query={useQuery(articleQuery(articleId))} />;
}
