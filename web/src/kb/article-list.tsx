import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { articlesQuery } from "../queries.ts";
import { Link } from "../router.tsx";
import { useTitle } from "../shell/use-title.ts";
import { categoryLabel, formatDate } from "../ui/format.ts";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";

/** Published articles (public and internal), filtered as the editor types. */
export function ArticleList() {
  useTitle("Articles");
  const [text, setText] = useState("");
  const articles = useQuery(articlesQuery());
  const needle = text.trim().toLowerCase();
  const shown = (articles.data ?? []).filter(
    (a) =>
      !needle ||
      a.title.toLowerCase().includes(needle) ||
      a.summary.toLowerCase().includes(needle) ||
      a.category.toLowerCase().includes(needle),
  );
  return (
    <section>
      <div className="spread">
        <h1>Articles</h1>
        <Link to="/kb/new" className="button-primary as-button">
          New article
        </Link>
      </div>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>Find an article</span>
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
      </form>
      {articles.isPending ? (
        <Loading />
      ) : articles.isError ? (
        <ErrorNotice error={articles.error} retry={() => void articles.refetch()} />
      ) : shown.length === 0 ? (
        <Empty>{needle ? "No article matches." : "No published articles yet."}</Empty>
      ) : (
        <table>
          <caption className="visually-hidden">Published articles</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Category</th>
              <th scope="col">Visibility</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link to={`/kb/articles/${a.id}`}>{a.title}</Link>
                  {a.summary && <div className="muted small">{a.summary}</div>}
                </td>
                <td>{categoryLabel(a.category)}</td>
                <td>{a.visibility === "public" ? "Public" : "Internal"}</td>
                <td>{formatDate(a.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
