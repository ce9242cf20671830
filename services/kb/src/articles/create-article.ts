import {
  AppError,
  type ZCreateArticleInput,
  type TArticleSummary,
  type TIdentity,
} from "@signpost/contracts";
import type { Db } from "@signpost/db";
import { authorize } from "@signpost/policy";
import type { z } from "zod";
import { articleRepository } from "./article-repository.ts";
import { slugify } from "./slugify.ts";

export async function createArticle(
  db: Db,
  who: TIdentity,
  input: z.output<typeof ZCreateArticleInput>,
): Promise<TArticleSummary> {
  authorize(who, "kb.article.write");
  const slug = slugify(input.title);
  if (!slug) throw new AppError("BAD_REQUEST", "title needs at least one letter or digit");
  const created = await articleRepository.insert(db, {
    ...input,
    slug,
    workspaceId: who.workspaceId,
  });
  if (!created) throw new AppError("CONFLICT", `An article with the slug "${slug}" already exists`);
  return created;
}
