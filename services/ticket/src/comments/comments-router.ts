import { z } from "zod";
import {
  ZAddCommentInput,
  ZComment,
  ZCommentRef,
  ZEditCommentInput,
  ZTicketRef,
} from "@signpost/contracts";
import { authedProcedure, router } from "@signpost/service-kit";
import type { TicketDeps } from "../deps.ts";
import { addComment } from "./add-comment.ts";
import { deleteComment, editComment } from "./edit-comment.ts";
import { listThread } from "./list-thread.ts";

export const commentsRouter = (deps: TicketDeps) =>
  router({
    list: authedProcedure
      .input(ZTicketRef)
      .output(z.array(ZComment))
      .query(({ ctx, input }) => listThread(deps, ctx.identity, input.ticketId)),
    add: authedProcedure
      .input(ZAddCommentInput)
      .output(ZComment)
      .mutation(({ ctx, input }) =>
        addComment(deps, ctx.identity, input.ticketId, input, ctx.requestId),
      ),
    edit: authedProcedure
      .input(ZEditCommentInput)
      .output(ZComment)
      .mutation(({ ctx, input }) => editComment(deps, ctx.identity, input.commentId, input.body)),
    delete: authedProcedure
      .input(ZCommentRef)
      .output(z.object({ deleted: z.literal(true) }))
      .mutation(async ({ ctx, input }) => {
        await deleteComment(deps, ctx.identity, input.commentId);
        return { deleted: true as const };
      }),
  });
