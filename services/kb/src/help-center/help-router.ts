import { z } from "zod";
import {
  ZArticleFeedbackInput,
  ZHelpArticle,
  ZHelpListInput,
  ZHelpSearchHit,
  ZHelpSearchInput,
  ZHelpSlugInput,
  ZArticleSummary,
} from "@signpost/contracts";
import { authedProcedure, router } from "@signpost/service-kit";
import type { KbDeps } from "../deps.ts";
import { giveFeedback } from "../helpfulness/give-feedback.ts";
import { getHelpArticle, listHelpArticles, searchHelpCenter } from "./read-help-center.ts";

/**
 * The public help center: published public articles only, for signed-out visitors (whom the
 * gateway vouches for on exactly these routes) and signed-in people alike.
 */
export const helpRouter = (deps: KbDeps) =>
  router({
    list: authedProcedure
      .input(ZHelpListInput)
      .output(z.array(ZArticleSummary.omit({ visibility: true })))
      .query(({ ctx, input }) => listHelpArticles(deps.db, ctx.identity, input.category)),
    get: authedProcedure
      .input(ZHelpSlugInput)
      .output(ZHelpArticle)
      .query(({ ctx, input }) => getHelpArticle(deps.db, ctx.identity, input.slug)),
    search: authedProcedure
      .input(ZHelpSearchInput)
      .output(z.array(ZHelpSearchHit))
      .query(({ ctx, input }) => searchHelpCenter(deps, ctx.identity, input)),
    feedback: authedProcedure
      .input(ZArticleFeedbackInput)
      .output(z.object({ ok: z.literal(true) }))
      .mutation(({ ctx, input }) => giveFeedback(deps, ctx.identity, input)),
  });
