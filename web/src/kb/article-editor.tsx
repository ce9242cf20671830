import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useDeferredValue, useEffect, useId, useMemo, useState, type ReactNode } from "react";
import type { TArticle } from "@signpost/contracts";
import { articleQuery, keys } from "../queries.ts";
import { navigate, useLocation } from "../router.tsx";
import { useTitle } from "../shell/use-title.ts";
import { api } from "../trpc.ts";
import { fieldErrors } from "../ui/errors.ts";
import { categories, categoryLabel, formatRelative } from "../ui/format.ts";
import { renderMarkdown } from "../ui/markdown.tsx";
import { ErrorNotice, Loading } from "../ui/states.tsx";
import { Tabs } from "../ui/tabs.tsx";
import { ArticleHistory } from "./article-history.tsx";
import { ArticleStats } from "./article-stats.tsx";
import { emptyForm, formOf, sameForm, tagsOf, type ArticleForm } from "./article-form.ts";

const statusText: Record<TArticle["status"], string> = {
  draft: "Draft",
  published: "Published",
  archived: "Archived",
};

/** Loads the article (or starts a new one) and hands it to the form. */
export function ArticleEditor({ articleId }: { articleId: string | null }) {
  const article = useQuery({ ...articleQuery(articleId ?? ""), enabled: articleId !== null });
  if (articleId === null) return <EditorForm article={null} />;
  if (article.isPending) return <Loading />;
  if (article.isError)
    return (
      <section>
        <h1>Article</h1>
        <ErrorNotice error={article.error} retry={() => void article.refetch()} />
      </section>
    );
  return <EditorForm article={article.data} />;
}

function EditorForm({ article }: { article: TArticle | null }) {
  const client = useQueryClient();
  const { search } = useLocation();
  const saved = useMemo(() => (article ? formOf(article) : emptyForm), [article]);
  // A gap's "write an article" link names the question as a starting title.
  const [form, setForm] = useState<ArticleForm>(() =>
    article ? saved : { ...saved, title: search.get("title") ?? "" },
  );
  const dirty = !sameForm(form, saved);
  useTitle(article ? `Edit: ${article.title}` : "New article");
  const set = (patch: Partial<ArticleForm>) => setForm((f) => ({ ...f, ...patch }));

  const stored = (a: TArticle) => {
    client.setQueryData(keys.article(a.id), a);
    void client.invalidateQueries({ queryKey: keys.articles });
    void client.invalidateQueries({ queryKey: ["kb", "suggest"] });
    if (!article) navigate(`/kb/articles/${a.id}`, { replace: true });
  };
  const fields = () => ({
    title: form.title,
    summary: form.summary,
    body: form.body,
    category: form.category,
    tags: tagsOf(form.tags),
    visibility: form.visibility,
  });
  /** Saves the fields (a new version) when they changed, then moves to `status` if given. */
  const save = useMutation({
    mutationFn: async (status?: TArticle["status"]) => {
      if (!article)
        return api.kb.articles.create.mutate({
          ...fields(),
          status: status === "published" ? "published" : "draft",
        });
      let current = article;
      if (dirty)
        current = await api.kb.articles.update.mutate({ articleId: article.id, ...fields() });
      if (status && status !== current.status)
        current = await api.kb.articles.setStatus.mutate({ articleId: article.id, status });
      return current;
    },
    onSuccess: stored,
  });
  const errors = fieldErrors(save.error);

  // Ctrl/Cmd+S saves, as in every editor.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        if (!save.isPending) save.mutate(undefined);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [save]);

  const preview = useDeferredValue(form.body);
  const html = useMemo(() => renderMarkdown(preview), [preview]);
  const status = article?.status ?? "draft";
  const busy = save.isPending;

  return (
    <section className="editor">
      <div className="spread">
        <h1>{article ? article.title : "New article"}</h1>
        <p className="muted" role="status">
          {statusText[status]}
          {article && ` · version ${article.version} · saved ${formatRelative(article.updatedAt)}`}
          {dirty && " · unsaved changes"}
        </p>
      </div>
      <form
        className="stack"
        aria-label="Article"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(undefined);
        }}
      >
        <Field label="Title" error={errors.title}>
          {(id) => (
            <input id={id} value={form.title} onChange={(e) => set({ title: e.target.value })} />
          )}
        </Field>
        <Field label="Summary" error={errors.summary}>
          {(id) => (
            <input
              id={id}
              value={form.summary}
              onChange={(e) => set({ summary: e.target.value })}
            />
          )}
        </Field>
        <div className="row">
          <Field label="Category">
            {(id) => (
              <select
                id={id}
                value={form.category}
                onChange={(e) => set({ category: e.target.value })}
              >
                {categories.map((c) => (
                  <option key={c} value={c}>
                    {categoryLabel(c)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Visibility">
            {(id) => (
              <select
                id={id}
                value={form.visibility}
                onChange={(e) => set({ visibility: e.target.value as ArticleForm["visibility"] })}
              >
                <option value="public">Public (customers and staff)</option>
                <option value="internal">Internal (staff only)</option>
              </select>
            )}
          </Field>
          <Field label="Tags" hint="Separated by commas">
            {(id) => (
              <input id={id} value={form.tags} onChange={(e) => set({ tags: e.target.value })} />
            )}
          </Field>
        </div>
        <div className="split">
          <Field label="Body (Markdown)" error={errors.body}>
            {(id) => (
              <textarea id={id} value={form.body} onChange={(e) => set({ body: e.target.value })} />
            )}
          </Field>
          <section aria-label="Preview" className="card">
            <h2 className="small muted">Preview</h2>
            <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />
          </section>
        </div>
        {save.isError && !Object.keys(errors).length && <ErrorNotice error={save.error} />}
        <div className="row" role="group" aria-label="Article actions">
          <button type="submit" disabled={busy || (!!article && !dirty)}>
            {!article ? "Save as draft" : status === "published" ? "Save changes" : "Save draft"}
          </button>
          {status !== "published" && (
            <button
              type="button"
              className="button-primary"
              disabled={busy}
              onClick={() => save.mutate("published")}
            >
              Publish
            </button>
          )}
          {article && status === "published" && (
            <button type="button" disabled={busy} onClick={() => save.mutate("draft")}>
              Unpublish
            </button>
          )}
          {article && status !== "archived" && (
            <button
              type="button"
              className="button-danger"
              disabled={busy}
              onClick={() => save.mutate("archived")}
            >
              Archive
            </button>
          )}
        </div>
      </form>
      {article && (
        <Tabs
          label="About this article"
          tabs={[
            {
              name: "History",
              panel: <ArticleHistory article={article} onRestored={(a) => setForm(formOf(a))} />,
            },
            { name: "Stats", panel: <ArticleStats articleId={article.id} /> },
          ]}
        />
      )}
    </section>
  );
}

/** A labelled field; the label sits beside the control so a textarea's text never joins its name. */
function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: string;
  error?: string | undefined;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint && <span className="field-hint">{hint}</span>}
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}
