import { z } from "zod";
import {
  ZArticle,
  ZArticleDiff,
  ZArticleDiffInput,
  ZArticleFromTicketInput,
  ZArticleStats,
  ZArticleVersionSummary,
  ZLinkTicketInput,
  ZRestoreArticleInput,
  ZArticleRef,
  ZArticleSummary,
  ZCreateArticleInput,
  ZListArticlesInput,
  ZSetArticleStatusInput,
  ZUpdateArticleInput,
} from "@signpost/contracts";
import { authedProcedure, router } from "@signpost/service-kit";
import type { KbDeps } from "../deps.ts";
import { articleStats } from "../helpfulness/article-stats.ts";
import { linkTicket } from "../helpfulness/link-ticket.ts";
import { articleFromTicket } from "./article-from-ticket.ts";
import { diffVersions, listVersions, restoreVersion } from "./article-history.ts";
import { createArticle } from "./create-article.ts";
import { getArticle } from "./get-article.ts";
import { listArticles } from "./list-articles.ts";
import { setArticleStatus } from "./set-article-status.ts";
import { updateArticle } from "./update-article.ts";

export const articlesRouter = (deps: KbDeps) =>
  router({
    list: authedProcedure
      .input(ZListArticlesInput)
      .output(z.array(ZArticleSummary))
      .query(({ ctx, input }) => listArticles(deps.db, ctx.identity, input?.status)),
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
    versions: authedProcedure
      .input(ZArticleRef)
      .output(z.array(ZArticleVersionSummary))
      .query(({ ctx, input }) => listVersions(deps.db, ctx.identity, input.articleId)),
    diff: authedProcedure
      .input(ZArticleDiffInput)
      .output(ZArticleDiff)
      .query(({ ctx, input }) => diffVersions(deps.db, ctx.identity, input)),
    restore: authedProcedure
      .input(ZRestoreArticleInput)
      .output(ZArticle)
      .mutation(({ ctx, input }) => restoreVersion(deps, ctx.identity, input)),
    fromTicket: authedProcedure
      .input(ZArticleFromTicketInput)
      .output(ZArticle)
      .mutation(({ ctx, input }) => articleFromTicket(deps, ctx.identity, input.ticketId)),
    linkTicket: authedProcedure
      .input(ZLinkTicketInput)
      .output(z.object({ ok: z.literal(true) }))
      .mutation(({ ctx, input }) => linkTicket(deps.db, ctx.identity, input)),
    stats: authedProcedure
      .input(ZArticleRef)
      .output(ZArticleStats)
      .query(({ ctx, input }) => articleStats(deps.db, ctx.identity, input.articleId)),
  });
