import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "../router.tsx";
import { useTitle } from "../shell/use-title.ts";
import { categoryLabel } from "../ui/format.ts";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";
import { useDebounced } from "../ui/use-debounced.ts";
import { helpHref } from "./help-links.ts";
import { helpListQuery, helpSearchQuery } from "./help-queries.ts";

type Summary = { id: string; slug: string; title: string; summary: string; category: string };

const byCategory = (articles: Summary[]) => {
  const groups = new Map<string, Summary[]>();
  for (const a of articles) groups.set(a.category, [...(groups.get(a.category) ?? []), a]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
};

/** Articles by category, and a search over them. */
export function HelpHome() {
  useTitle("Help center");
  const [text, setText] = useState("");
  const q = useDebounced(text, 250);
  const articles = useQuery(helpListQuery());
  const search = useQuery(helpSearchQuery(q));
  const searching = q.trim().length >= 2;
  return (
    <section>
      <h1>Help center</h1>
      <form role="search" onSubmit={(e) => e.preventDefault()} className="stack">
        <label className="field">
          <span>Search the help center</span>
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
      </form>
      {searching ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">Results</h2>
          {search.isError ? (
            <ErrorNotice error={search.error} />
          ) : search.isPending ? (
            <Loading label="Searching…" />
          ) : search.data.length === 0 ? (
            <Empty>No articles match. Try other words.</Empty>
          ) : (
            <ul className="article-list">
              {search.data.map((h) => (
                <li key={h.article.id}>
                  <Link to={helpHref(`/help/${h.article.slug}`)}>{h.article.title}</Link>
                  <p className="muted small">
                    {h.snippet.map((s, i) =>
                      s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>,
                    )}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : articles.isPending ? (
        <Loading />
      ) : articles.isError ? (
        <ErrorNotice error={articles.error} retry={() => void articles.refetch()} />
      ) : articles.data.length === 0 ? (
        <Empty>No articles have been published yet.</Empty>
      ) : (
        byCategory(articles.data).map(([category, list]) => (
          <section key={category} aria-label={categoryLabel(category)}>
            <h2>{categoryLabel(category)}</h2>
            <ul className="article-list">
              {list.map((a) => (
                <li key={a.id}>
                  <Link to={helpHref(`/help/${a.slug}`)}>{a.title}</Link>
                  {a.summary && <p className="muted">{a.summary}</p>}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}
