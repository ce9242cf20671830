import type { TArticle } from "@signpost/contracts";

/** The editor's fields; tags are edited as one comma-separated line. */
export interface ArticleForm {
  title: string;
  summary: string;
  body: string;
  category: string;
  tags: string;
  visibility: "public" | "internal";
}

export const emptyForm: ArticleForm = {
  title: "",
  summary: "",
  body: "",
  category: "general",
  tags: "",
  visibility: "public",
};

export const formOf = (a: TArticle): ArticleForm => ({
  title: a.title,
  summary: a.summary,
  body: a.body,
  category: a.category,
  tags: a.tags.join(", "),
  visibility: a.visibility,
});

export const tagsOf = (line: string) =>
  line
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);

export const sameForm = (a: ArticleForm, b: ArticleForm) =>
  (Object.keys(a) as (keyof ArticleForm)[]).every((k) => a[k] === b[k]);
