import { z } from "zod";
import { ZGap, ZGapsInput } from "@signpost/contracts";
import type { Db } from "@signpost/db";
import { authedProcedure, router } from "@signpost/service-kit";
import { listGaps } from "./list-gaps.ts";
import type { SuggestionLog } from "./suggestion-log.ts";

export const insightsRouter = (deps: { db: Db; log: SuggestionLog }) =>
  router({
    gaps: authedProcedure
      .input(ZGapsInput)
      .output(z.array(ZGap))
      .query(({ ctx, input }) => listGaps(deps, ctx.identity, input)),
  });
