import { AppError, type TAuditEntry, type TIdentity, type ZAuditQuery } from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { z } from "zod";
import type { TicketDeps } from "../deps.ts";
import { ticketRepository } from "../tickets/ticket-repository.ts";
import { auditRepository } from "./audit-repository.ts";

/** A ticket's history for staff: who changed what, when, before and after. */
export async function readAuditLog(
  deps: TicketDeps,
  who: TIdentity,
  input: z.output<typeof ZAuditQuery>,
): Promise<TAuditEntry[]> {
  const ticket = await ticketRepository.findById(deps.db, who.workspaceId, input.ticketId);
  if (!ticket) throw new AppError("NOT_FOUND", "Not found");
  authorize(who, "ticket.audit.read", ticket);
  return auditRepository.forTicket(deps.db, who.workspaceId, ticket.id, input);
}
