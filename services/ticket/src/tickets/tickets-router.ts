import { z } from "zod";
import {
  ZAssignInput,
  ZBulkInput,
  ZBulkResult,
  ZChangePriorityInput,
  ZChangeStatusInput,
  ZCloseInput,
  ZCreateTicketInput,
  ZListTicketsInput,
  ZMergeInput,
  ZSplitInput,
  ZTicket,
  ZTicketDetail,
  ZTicketPage,
  ZTicketRef,
  ZUpdateTicketInput,
} from "@signpost/contracts";
import { authedProcedure, router } from "@signpost/service-kit";
import type { TicketDeps } from "../deps.ts";
import { asPerson } from "../shared/actor.ts";
import { assignTicket } from "./assign-ticket.ts";
import { bulkUpdate } from "./bulk-update.ts";
import { changePriority } from "./change-priority.ts";
import { changeStatus, closeTicket } from "./change-status.ts";
import { createTicket } from "./create-ticket.ts";
import { getTicket } from "./get-ticket.ts";
import { listTickets } from "./list-tickets.ts";
import { mergeTickets } from "./merge-tickets.ts";
import { resolveTicket } from "./resolve-ticket.ts";
import { splitTicket } from "./split-ticket.ts";
import { updateTicket } from "./update-ticket.ts";

const defaultSort = { field: "created_at", direction: "desc" } as const;

export const ticketsRouter = (deps: TicketDeps) =>
  router({
    create: authedProcedure
      .input(ZCreateTicketInput)
      .output(ZTicket)
      .mutation(({ ctx, input }) => createTicket(deps, ctx.identity, input, ctx.requestId)),
    get: authedProcedure
      .input(ZTicketRef)
      .output(ZTicketDetail)
      .query(({ ctx, input }) => getTicket(deps, ctx.identity, input.ticketId)),
    /** The newest tickets (kept for simple clients); `search` pages, filters and sorts. */
    list: authedProcedure
      .input(
        z.object({ limit: z.number().int().min(1).max(100).default(50) }).default({ limit: 50 }),
      )
      .output(z.array(ZTicket))
      .query(async ({ ctx, input }) => {
        const page = await listTickets(deps, ctx.identity, {
          filters: {},
          sort: defaultSort,
          limit: input.limit,
        });
        return page.tickets;
      }),
    search: authedProcedure
      .input(ZListTicketsInput)
      .output(ZTicketPage)
      .query(({ ctx, input }) => listTickets(deps, ctx.identity, input)),
    resolve: authedProcedure
      .input(ZTicketRef)
      .output(ZTicket)
      .mutation(({ ctx, input }) =>
        resolveTicket(deps, ctx.identity, input.ticketId, ctx.requestId),
      ),
    setStatus: authedProcedure
      .input(ZChangeStatusInput)
      .output(ZTicket)
      .mutation(({ ctx, input }) =>
        changeStatus(deps, asPerson(ctx.identity, ctx.requestId), input.ticketId, input.status),
      ),
    setPriority: authedProcedure
      .input(ZChangePriorityInput)
      .output(ZTicket)
      .mutation(({ ctx, input }) =>
        changePriority(deps, asPerson(ctx.identity, ctx.requestId), input.ticketId, input.priority),
      ),
    assign: authedProcedure
      .input(ZAssignInput)
      .output(ZTicket)
      .mutation(({ ctx, input: { ticketId, ...a } }) =>
        assignTicket(deps, asPerson(ctx.identity, ctx.requestId), ticketId, a),
      ),
    close: authedProcedure
      .input(ZCloseInput)
      .output(ZTicket)
      .mutation(({ ctx, input }) =>
        closeTicket(deps, asPerson(ctx.identity, ctx.requestId), input.ticketId),
      ),
    update: authedProcedure
      .input(ZUpdateTicketInput)
      .output(ZTicket)
      .mutation(({ ctx, input }) =>
        updateTicket(deps, asPerson(ctx.identity, ctx.requestId), input),
      ),
    merge: authedProcedure
      .input(ZMergeInput)
      .output(ZTicket)
      .mutation(({ ctx, input }) =>
        mergeTickets(
          deps,
          asPerson(ctx.identity, ctx.requestId),
          input.sourceTicketId,
          input.targetTicketId,
        ),
      ),
    split: authedProcedure
      .input(ZSplitInput)
      .output(ZTicket)
      .mutation(({ ctx, input }) =>
        splitTicket(deps, asPerson(ctx.identity, ctx.requestId), input.commentId, input.subject),
      ),
    bulk: authedProcedure
      .input(ZBulkInput)
      .output(ZBulkResult)
      .mutation(({ ctx, input }) => bulkUpdate(deps, ctx.identity, input, ctx.requestId)),
  });
