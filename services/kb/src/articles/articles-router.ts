import { z } from "zod";
import {
  ZArticle,
  ZArticleRef,
  ZArticleSummary,
  ZCreateArticleInput,
  ZSetArticleStatusInput,
  ZUpdateArticleInput,
} from "@signpost/contracts";
import { authedProcedure, router } from "@signpost/service-kit";
import type { KbDeps } from "../deps.ts";
import { createArticle } from "./create-article.ts";
import { getArticle } from "./get-article.ts";
import { listArticles } from "./list-articles.ts";
import { setArticleStatus } from "./set-article-status.ts";
import { updateArticle } from "./update-article.ts";

export const articlesRouter = (deps: KbDeps) =>
  router({
    list: authedProcedure
      .output(z.array(ZArticleSummary))
      .query(({ ctx }) => listArticles(deps.db, ctx.identity)),
    get: authedProcedure
      .input(ZArticleRef)
      .output(ZArticle)
      .query(({ ctx, input }) => getArticle(deps.db, ctx.identity, input.articleId)),
    create: authedProcedure
      .input(ZCreateArticleInput)
      .output(ZArticle)
      .mutation(({ ctx, input }) => createArticle(deps, ctx.identity, input)),
    update: authedProcedure
      .input(ZUpdateArticleInput)
      .output(ZArticle)
      .mutation(({ ctx, input }) => updateArticle(deps, ctx.identity, input)),
    setStatus: authedProcedure
      .input(ZSetArticleStatusInput)
      .output(ZArticle)
      .mutation(({ ctx, input }) => setArticleStatus(deps, ctx.identity, input)),
  });
