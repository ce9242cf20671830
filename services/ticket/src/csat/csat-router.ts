import { z } from "zod";
import { ZCsatRating, ZSubmitCsatInput, ZTicketRef } from "@signpost/contracts";
import { authedProcedure, router } from "@signpost/service-kit";
import type { TicketDeps } from "../deps.ts";
import { submitCsat } from "./submit-csat.ts";
import { ticketCsat } from "./ticket-csat.ts";

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
      .query(({ ctx, input }) => ticketCsat(deps, ctx.identity, input.ticketId)),
  });
