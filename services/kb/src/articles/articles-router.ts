import { z } from "zod";
import type { Db } from "@signpost/db";
import { ZArticleSummary, ZCreateArticleInput } from "@signpost/contracts";
import { authedProcedure, router } from "@signpost/service-kit";
import { createArticle } from "./create-article.ts";
import { listArticles } from "./list-articles.ts";

export const articlesRouter = (db: Db) =>
  router({
    list: authedProcedure
      .output(z.array(ZArticleSummary))
      .query(({ ctx }) => listArticles(db, ctx.identity)),
    create: authedProcedure
      .input(ZCreateArticleInput)
      .output(ZArticleSummary)
      .mutation(({ ctx, input }) => createArticle(db, ctx.identity, input)),
  });
