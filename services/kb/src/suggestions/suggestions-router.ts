import { z } from "zod";
import { ZSuggestInput, ZSuggestOutput, ZTrackSuggestionInput } from "@signpost/contracts";
import { authedProcedure, router } from "@signpost/service-kit";
import { suggest, type SuggestDeps } from "./suggest.ts";
import { trackSuggestion } from "./track-suggestion.ts";

export const suggestionsRouter = (deps: SuggestDeps) =>
  router({
    suggest: authedProcedure
      .input(ZSuggestInput)
      .output(ZSuggestOutput)
      .query(({ ctx, input }) => suggest(deps, ctx.identity, input)),
    track: authedProcedure
      .input(ZTrackSuggestionInput)
      .output(z.object({ ok: z.literal(true) }))
      .mutation(({ ctx, input }) => trackSuggestion(deps.db, ctx.identity, input)),
  });
