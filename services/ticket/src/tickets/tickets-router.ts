import { z } from "zod";
import { ZCreateTicketInput, ZTicket, ZTicketRef } from "@signpost/contracts";
import { authedProcedure, router } from "@signpost/service-kit";
import type { TicketDeps } from "../deps.ts";
import { createTicket } from "./create-ticket.ts";
import { getTicket } from "./get-ticket.ts";
import { listTickets } from "./list-tickets.ts";
import { resolveTicket } from "./resolve-ticket.ts";

export const ticketsRouter = (deps: TicketDeps) =>
  router({
    create: authedProcedure
      .input(ZCreateTicketInput)
      .output(ZTicket)
      .mutation(({ ctx, input }) => createTicket(deps, ctx.identity, input, ctx.requestId)),
    get: authedProcedure
      .input(ZTicketRef)
      .output(ZTicket)
      .query(({ ctx, input }) => getTicket(deps, ctx.identity, input.ticketId)),
    list: authedProcedure
      .input(
        z.object({ limit: z.number().int().min(1).max(100).default(50) }).default({ limit: 50 }),
      )
      .output(z.array(ZTicket))
      .query(({ ctx, input }) => listTickets(deps, ctx.identity, input.limit)),
    resolve: authedProcedure
      .input(ZTicketRef)
      .output(ZTicket)
      .mutation(({ ctx, input }) =>
        resolveTicket(deps, ctx.identity, input.ticketId, ctx.requestId),
      ),
  });
