import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { TArticleSummary } from "@signpost/contracts";
import { articlesQuery, suggestQuery } from "../queries.ts";
import { Link } from "../router.tsx";
import { useTitle } from "../shell/use-title.ts";
import { categoryLabel } from "../ui/format.ts";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";
import { useDebounced } from "../ui/use-debounced.ts";

const byCategory = (articles: TArticleSummary[]) => {
  const groups = new Map<string, TArticleSummary[]>();
  for (const a of articles) groups.set(a.category, [...(groups.get(a.category) ?? []), a]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
};

/** Published articles by category, and a search that ranks them like the suggestions do. */
export function HelpCenter() {
  useTitle("Help center");
  const [text, setText] = useState("");
  const typed = useDebounced(text, 250);
  const articles = useQuery(articlesQuery());
  const search = useQuery(suggestQuery(typed, "", 10));
  const searching = typed.trim().length >= 3;
  const hits = (search.data?.suggestions ?? []).filter((s) => s.kind === "article");
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
          ) : hits.length === 0 ? (
            <Empty>No articles match. Try other words, or open a ticket.</Empty>
          ) : (
            <ul className="article-list">
              {hits.map((h) => (
                <li key={h.id}>
                  <Link to={`/portal/help/articles/${h.id}`}>{h.title}</Link>
                  <p className="muted">{h.snippet.map((s) => s.text).join("")}</p>
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
                  <Link to={`/portal/help/articles/${a.id}`}>{a.title}</Link>
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
