import { z } from "zod";
import { ZSavedView, ZSaveViewInput, ZViewRef } from "@signpost/contracts";
import { authedProcedure, router } from "@signpost/service-kit";
import type { TicketDeps } from "../deps.ts";
import { deleteView, listViews, saveView } from "./manage-views.ts";

/** Each agent's saved ticket views (filters and sort), usable as `tickets.search({ viewId })`. */
export const viewsRouter = (deps: TicketDeps) =>
  router({
    list: authedProcedure
      .output(z.array(ZSavedView))
      .query(({ ctx }) => listViews(deps, ctx.identity)),
    save: authedProcedure
      .input(ZSaveViewInput)
      .output(ZSavedView)
      .mutation(({ ctx, input }) => saveView(deps, ctx.identity, input)),
    delete: authedProcedure
      .input(ZViewRef)
      .output(z.object({ deleted: z.literal(true) }))
      .mutation(({ ctx, input }) => deleteView(deps, ctx.identity, input.viewId)),
  });
