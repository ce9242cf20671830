import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError, ZSavedView, ZSaveViewInput, ZViewRef } from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import { authedProcedure, router } from "@signpost/service-kit";
import type { TicketDeps } from "../deps.ts";
import { viewRepository } from "./view-repository.ts";

/** Each agent's saved ticket views (filters and sort), usable as `tickets.search({ viewId })`. */
export const viewsRouter = (deps: TicketDeps) =>
  router({
    list: authedProcedure.output(z.array(ZSavedView)).query(({ ctx }) => {
      authorize(ctx.identity, "ticket.views");
      return viewRepository.list(deps.db, ctx.identity.workspaceId, ctx.identity.userId);
    }),
    save: authedProcedure
      .input(ZSaveViewInput)
      .output(ZSavedView)
      .mutation(async ({ ctx, input }) => {
        authorize(ctx.identity, "ticket.views");
        const view = { id: randomUUID(), ...input };
        await viewRepository.insert(deps.db, ctx.identity.workspaceId, ctx.identity.userId, view);
        return view;
      }),
    delete: authedProcedure
      .input(ZViewRef)
      .output(z.object({ deleted: z.literal(true) }))
      .mutation(async ({ ctx, input }) => {
        authorize(ctx.identity, "ticket.views");
        const { workspaceId, userId } = ctx.identity;
        if (!(await viewRepository.remove(deps.db, workspaceId, userId, input.viewId))) {
          throw new AppError("NOT_FOUND", "Not found");
        }
        return { deleted: true as const };
      }),
  });
