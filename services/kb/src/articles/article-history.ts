import {
  AppError,
  type TArticle,
  type TIdentity,
  type ZArticleDiffInput,
  type ZRestoreArticleInput,
} from "@signpost/contracts";
import type { Db } from "@signpost/db";
import { authorize } from "@signpost/policy";
import type { z } from "zod";
import type { KbDeps } from "../deps.ts";
import { articleChanged } from "./article-changed.ts";
import { articleRepository, toArticle } from "./article-repository.ts";
import { articleVersionRepository, type VersionRow } from "./article-version-repository.ts";
import { lineDiff } from "./line-diff.ts";

async function editable(db: Db, who: TIdentity, articleId: string) {
  authorize(who, "kb.article.write");
  const article = await articleRepository.find(db, who.workspaceId, articleId);
  if (!article) throw new AppError("NOT_FOUND", "Not found");
  return article;
}

export async function listVersions(db: Db, who: TIdentity, articleId: string) {
  const article = await editable(db, who, articleId);
  return articleVersionRepository.list(db, article.id);
}

const fieldsOf = (v: VersionRow) => ({
  title: v.title,
  summary: v.summary,
  body: v.body,
  category: v.category,
  tags: v.tags.join("\n"),
  visibility: v.visibility,
});

/** What changed between two versions, line by line, for each field that differs. */
export async function diffVersions(
  db: Db,
  who: TIdentity,
  input: z.output<typeof ZArticleDiffInput>,
) {
  const article = await editable(db, who, input.articleId);
  const [from, to] = await Promise.all([
    articleVersionRepository.get(db, article.id, input.from),
    articleVersionRepository.get(db, article.id, input.to),
  ]);
  if (!from || !to) throw new AppError("NOT_FOUND", "No such version");
  const a = fieldsOf(from);
  const b = fieldsOf(to);
  const fields = (Object.keys(a) as (keyof typeof a)[])
    .filter((f) => a[f] !== b[f])
    .map((field) => ({ field, lines: lineDiff(a[field], b[field]) }));
  return { from: input.from, to: input.to, fields };
}

/** Restoring saves the old content as a new version: history only ever grows. */
export async function restoreVersion(
  deps: KbDeps,
  who: TIdentity,
  input: z.output<typeof ZRestoreArticleInput>,
): Promise<TArticle> {
  authorize(who, "kb.article.write");
  const article = await deps.db.transaction(async (tx) => {
    const current = await articleRepository.lock(tx, who.workspaceId, input.articleId);
    if (!current) throw new AppError("NOT_FOUND", "Not found");
    const old = await articleVersionRepository.get(tx, current.id, input.version);
    if (!old) throw new AppError("NOT_FOUND", "No such version");
    const { title, summary, body, category, tags, visibility } = old;
    const updated = toArticle(
      await articleRepository.update(
        tx,
        current,
        { title, summary, body, category, tags, visibility },
        who.userId,
      ),
    );
    await articleChanged(tx, who.workspaceId, current.status, updated);
    return updated;
  });
  deps.kickRelay();
  deps.kickIndexer();
  return article;
}
