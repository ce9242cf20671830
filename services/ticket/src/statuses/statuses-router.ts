import { z } from "zod";
import { ZCreateStatusInput, ZStatusDef } from "@signpost/contracts";
import { authedProcedure, router } from "@signpost/service-kit";
import type { TicketDeps } from "../deps.ts";
import { createStatus } from "./create-status.ts";
import { listStatuses } from "./list-statuses.ts";

export const statusesRouter = (deps: TicketDeps) =>
  router({
    list: authedProcedure
      .output(z.array(ZStatusDef))
      .query(({ ctx }) => listStatuses(deps, ctx.identity)),
    create: authedProcedure
      .input(ZCreateStatusInput)
      .output(ZStatusDef)
      .mutation(({ ctx, input }) => createStatus(deps, ctx.identity, input)),
  });
