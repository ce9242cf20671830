import {
  AppError,
  type TArticle,
  type TIdentity,
  type ZCreateArticleInput,
} from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { z } from "zod";
import type { KbDeps } from "../deps.ts";
import { articleChanged } from "./article-changed.ts";
import { articleRepository, toArticle } from "./article-repository.ts";
import { slugify } from "./slugify.ts";

export async function createArticle(
  deps: KbDeps,
  who: TIdentity,
  input: z.output<typeof ZCreateArticleInput>,
): Promise<TArticle> {
  authorize(who, "kb.article.write");
  const slug = slugify(input.title);
  if (!slug) throw new AppError("BAD_REQUEST", "title needs at least one letter or digit");
  const article = await deps.db.transaction(async (tx) => {
    // Two articles may share a title: the second gets "-2", the third "-3", and so on.
    let row = null;
    for (let n = 1; !row && n <= 100; n++) {
      row = await articleRepository.insert(tx, {
        ...input,
        slug: n === 1 ? slug : `${slug}-${n}`,
        workspaceId: who.workspaceId,
        editedBy: who.userId,
      });
    }
    if (!row) throw new AppError("CONFLICT", `Too many articles are titled "${input.title}"`);
    const created = toArticle(row);
    await articleChanged(tx, who.workspaceId, null, created);
    return created;
  });
  deps.kickRelay();
  deps.kickIndexer();
  return article;
}
