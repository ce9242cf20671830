import { z } from "zod";
import { ZCreateStatusInput, ZStatusDef } from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import { authedProcedure, router } from "@signpost/service-kit";
import type { TicketDeps } from "../deps.ts";
import { createStatus } from "./create-status.ts";
import { statusRepository } from "./status-repository.ts";

export const statusesRouter = (deps: TicketDeps) =>
  router({
    list: authedProcedure.output(z.array(ZStatusDef)).query(({ ctx }) => {
      authorize(ctx.identity, "ticket.list");
      return statusRepository.list(deps.db, ctx.identity.workspaceId);
    }),
    create: authedProcedure
      .input(ZCreateStatusInput)
      .output(ZStatusDef)
      .mutation(({ ctx, input }) => createStatus(deps, ctx.identity, input)),
  });
