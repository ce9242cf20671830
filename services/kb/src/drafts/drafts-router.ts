import { z } from "zod";
import { ZDraftReply, ZDraftReplyInput, ZRecordDraftUseInput } from "@signpost/contracts";
import { authedProcedure, router } from "@signpost/service-kit";
import type { DraftDeps } from "./draft-reply.ts";
import { draftReply, recordDraftUse } from "./draft-reply.ts";

export const draftsRouter = (deps: DraftDeps) =>
  router({
    draft: authedProcedure
      .input(ZDraftReplyInput)
      .output(ZDraftReply)
      .mutation(({ ctx, input }) => draftReply(deps, ctx.identity, input)),
    recordUse: authedProcedure
      .input(ZRecordDraftUseInput)
      .output(z.object({ ok: z.literal(true) }))
      .mutation(({ ctx, input }) => recordDraftUse(deps.db, ctx.identity, input)),
  });
