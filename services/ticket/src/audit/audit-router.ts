import { z } from "zod";
import { AppError, ZAuditEntry } from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import { authedProcedure, router } from "@signpost/service-kit";
import type { TicketDeps } from "../deps.ts";
import { ticketRepository } from "../tickets/ticket-repository.ts";
import { auditRepository } from "./audit-repository.ts";

/** Staff read a ticket's history: who changed what, when, before and after. */
export const auditRouter = (deps: TicketDeps) =>
  router({
    forTicket: authedProcedure
      .input(
        z.object({
          ticketId: z.uuid(),
          afterSeq: z.number().int().min(0).default(0),
          limit: z.number().int().min(1).max(500).default(200),
        }),
      )
      .output(z.array(ZAuditEntry))
      .query(async ({ ctx, input }) => {
        const ticket = await ticketRepository.findById(
          deps.db,
          ctx.identity.workspaceId,
          input.ticketId,
        );
        if (!ticket) throw new AppError("NOT_FOUND", "Not found");
        authorize(ctx.identity, "ticket.audit.read", ticket);
        return auditRepository.forTicket(deps.db, ctx.identity.workspaceId, ticket.id, input);
      }),
  });
