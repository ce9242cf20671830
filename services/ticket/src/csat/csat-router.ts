import { z } from "zod";
import { AppError, ZCsatRating, ZSubmitCsatInput, ZTicketRef } from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import { authedProcedure, router } from "@signpost/service-kit";
import type { TicketDeps } from "../deps.ts";
import { ticketRepository } from "../tickets/ticket-repository.ts";
import { csatRepository } from "./csat-repository.ts";
import { submitCsat } from "./submit-csat.ts";

export const csatRouter = (deps: TicketDeps) =>
  router({
    submit: authedProcedure
      .input(ZSubmitCsatInput)
      .output(ZCsatRating)
      .mutation(({ ctx, input }) => submitCsat(deps, ctx.identity, input, ctx.requestId)),
    /** A ticket's ratings, for the requester's organization and staff. */
    forTicket: authedProcedure
      .input(ZTicketRef)
      .output(z.array(ZCsatRating))
      .query(async ({ ctx, input }) => {
        const ticket = await ticketRepository.findById(
          deps.db,
          ctx.identity.workspaceId,
          input.ticketId,
        );
        if (!ticket) throw new AppError("NOT_FOUND", "Not found");
        authorize(ctx.identity, "ticket.read", ticket);
        return csatRepository.forTicket(deps.db, ctx.identity.workspaceId, ticket.id);
      }),
  });
