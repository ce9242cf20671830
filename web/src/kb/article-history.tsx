import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { TArticle } from "@signpost/contracts";
import { keys, peopleQuery } from "../queries.ts";
import { api } from "../trpc.ts";
import { formatDate } from "../ui/format.ts";
import { ErrorNotice, Loading } from "../ui/states.tsx";

const fieldNames: Record<string, string> = {
  title: "Title",
  summary: "Summary",
  body: "Body",
  category: "Category",
  tags: "Tags",
  visibility: "Visibility",
};

/** Every saved version; compare any two line by line, and restore an old one as a new version. */
export function ArticleHistory({
  article,
  onRestored,
}: {
  article: TArticle;
  onRestored: (restored: TArticle) => void;
}) {
  const client = useQueryClient();
  const versions = useQuery({
    queryKey: ["kb", "versions", article.id, article.version] as const,
    queryFn: ({ signal }) => api.kb.articles.versions.query({ articleId: article.id }, { signal }),
  });
  const people = useQuery(peopleQuery());
  const [pair, setPair] = useState({ from: Math.max(1, article.version - 1), to: article.version });
  const diff = useQuery({
    queryKey: ["kb", "diff", article.id, pair.from, pair.to] as const,
    queryFn: ({ signal }) =>
      api.kb.articles.diff.query({ articleId: article.id, ...pair }, { signal }),
    enabled: pair.from !== pair.to,
  });
  const restore = useMutation({
    mutationFn: (version: number) =>
      api.kb.articles.restore.mutate({ articleId: article.id, version }),
    onSuccess: (a) => {
      client.setQueryData(keys.article(a.id), a);
      void client.invalidateQueries({ queryKey: keys.articles });
      setPair({ from: a.version - 1, to: a.version });
      onRestored(a);
    },
  });
  if (versions.isPending) return <Loading />;
  if (versions.isError)
    return <ErrorNotice error={versions.error} retry={() => void versions.refetch()} />;
  const list = [...versions.data].sort((a, b) => b.version - a.version);
  const pick = (key: "from" | "to", label: string) => (
    <label className="field">
      <span>{label}</span>
      <select
        value={pair[key]}
        onChange={(e) => setPair({ ...pair, [key]: Number(e.target.value) })}
      >
        {list.map((v) => (
          <option key={v.version} value={v.version}>
            Version {v.version}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="stack">
      <table>
        <caption className="visually-hidden">Versions</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Title</th>
            <th scope="col">Saved by</th>
            <th scope="col">Saved</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((v) => (
            <tr key={v.version}>
              <td>{v.version}</td>
              <td>{v.title}</td>
              <td>{(v.editedBy && people.data?.get(v.editedBy)?.name) ?? "—"}</td>
              <td>{formatDate(v.createdAt)}</td>
              <td>
                {v.version === article.version ? (
                  <span className="muted small">Current</span>
                ) : (
                  <button
                    type="button"
                    disabled={restore.isPending}
                    onClick={() => restore.mutate(v.version)}
                  >
                    Restore version {v.version}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {restore.isError && <ErrorNotice error={restore.error} />}
      {list.length > 1 && (
        <section aria-labelledby="compare-heading" className="stack">
          <h3 id="compare-heading">Compare versions</h3>
          <div className="row">
            {pick("from", "From")}
            {pick("to", "To")}
          </div>
          {pair.from === pair.to ? (
            <p className="muted">Pick two different versions.</p>
          ) : diff.isPending ? (
            <Loading />
          ) : diff.isError ? (
            <ErrorNotice error={diff.error} />
          ) : diff.data.fields.length === 0 ? (
            <p className="muted">These versions are identical.</p>
          ) : (
            diff.data.fields.map((f) => (
              <div key={f.field} className="diff">
                <h4>{fieldNames[f.field] ?? f.field}</h4>
                <pre aria-label={`Changes to ${fieldNames[f.field] ?? f.field}`}>
                  {f.lines.map((l, i) =>
                    l.op === "add" ? (
                      <ins key={i} className="diff-add">
                        {`+ ${l.text}\n`}
                      </ins>
                    ) : l.op === "remove" ? (
                      <del key={i} className="diff-del">
                        {`- ${l.text}\n`}
                      </del>
                    ) : (
                      <span key={i}>{`  ${l.text}\n`}</span>
                    ),
                  )}
                </pre>
              </div>
            ))
          )}
        </section>
      )}
    </div>
  );
}
