import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { TArticleStatus } from "@signpost/contracts";
import { keys } from "../queries.ts";
import { Link, navigate, useLocation } from "../router.tsx";
import { api } from "../trpc.ts";
import { useTitle } from "../shell/use-title.ts";
import { categoryLabel, formatDate } from "../ui/format.ts";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";

const statusNames = {
  published: "Published",
  draft: "Drafts",
  archived: "Archived",
} as const satisfies Record<TArticleStatus, string>;

const isStatus = (s: string | null): s is TArticleStatus => !!s && s in statusNames;

/** Articles in one status (published by default, in the URL), filtered as the editor types. */
export function ArticleList() {
  useTitle("Articles");
  const [text, setText] = useState("");
  const { search } = useLocation();
  const asked = search.get("status");
  const status: TArticleStatus = isStatus(asked) ? asked : "published";
  const articles = useQuery({
    // Under keys.articles, so saving or publishing an article refreshes every status's list.
    queryKey: [...keys.articles, status] as const,
    queryFn: ({ signal }) => api.kb.articles.list.query({ status }, { signal }),
  });
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
      <form role="search" className="row" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>Find an article</span>
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <label className="field">
          <span>Status</span>
          <select
            value={status}
            onChange={(e) =>
              navigate(e.target.value === "published" ? "/kb" : `/kb?status=${e.target.value}`, {
                replace: true,
              })
            }
          >
            {Object.entries(statusNames).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </form>
      {articles.isPending ? (
        <Loading />
      ) : articles.isError ? (
        <ErrorNotice error={articles.error} retry={() => void articles.refetch()} />
      ) : shown.length === 0 ? (
        <Empty>
          {needle
            ? "No article matches."
            : `No ${statusNames[status].toLowerCase()} articles${status === "published" ? " yet" : ""}.`}
        </Empty>
      ) : (
        <table>
          <caption className="visually-hidden">{statusNames[status]} articles</caption>
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
