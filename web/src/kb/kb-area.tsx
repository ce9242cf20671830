import { matchPath, useLocation } from "../router.tsx";
import { Subnav } from "../ui/subnav.tsx";
import { ArticleEditor } from "./article-editor.tsx";
import { ArticleList } from "./article-list.tsx";
import { Gaps } from "./gaps.tsx";

/** The KB editor: the article list, the Markdown editor, and the questions nothing answers. */
export default function KbArea() {
  const { path } = useLocation();
  const article = matchPath("/kb/articles/:id", path);
  return (
    <>
      <Subnav
        label="Knowledge base"
        links={[
          {
            to: "/kb",
            text: "Articles",
            match: (p) => p === "/kb" || p.startsWith("/kb/articles"),
          },
          { to: "/kb/new", text: "New article" },
          { to: "/kb/gaps", text: "Gaps" },
        ]}
      />
      {article?.id ? (
        <ArticleEditor key={article.id} articleId={article.id} />
      ) : path === "/kb/gaps" ? (
        <Gaps />
      ) : path === "/kb/new" ? (
        <ArticleEditor key="new" articleId={null} />
      ) : (
        <ArticleList />
      )}
    </>
  );
}
