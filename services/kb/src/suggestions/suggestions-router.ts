import { z } from "zod";
import { ZSuggestInput, ZSuggestOutput, ZTrackSuggestionInput } from "@signpost/contracts";
import { authedProcedure, router } from "@signpost/service-kit";
import type { KbDeps } from "../deps.ts";
import { queryEmbeddingCache } from "./query-embedding-cache.ts";
import { suggest } from "./suggest.ts";
import { trackSuggestion } from "./track-suggestion.ts";

export const suggestionsRouter = (deps: KbDeps) => {
  const embedQuery = queryEmbeddingCache(deps.embedder);
  return router({
    suggest: authedProcedure
      .input(ZSuggestInput)
      .output(ZSuggestOutput)
      .query(({ ctx, input }) => suggest({ db: deps.db, embedQuery }, ctx.identity, input)),
    track: authedProcedure
      .input(ZTrackSuggestionInput)
      .output(z.object({ ok: z.literal(true) }))
      .mutation(({ ctx, input }) => trackSuggestion(deps.db, ctx.identity, input)),
  });
};
