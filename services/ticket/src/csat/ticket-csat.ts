import { AppError, type TCsatRating, type TIdentity } from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { TicketDeps } from "../deps.ts";
import { ticketRepository } from "../tickets/ticket-repository.ts";
import { csatRepository } from "./csat-repository.ts";

/** A ticket's ratings, for the requester's organization and staff. */
export async function ticketCsat(
  deps: TicketDeps,
  who: TIdentity,
  ticketId: string,
): Promise<TCsatRating[]> {
  const ticket = await ticketRepository.findById(deps.db, who.workspaceId, ticketId);
  if (!ticket) throw new AppError("NOT_FOUND", "Not found");
  authorize(who, "ticket.read", ticket);
  return csatRepository.forTicket(deps.db, who.workspaceId, ticket.id);
}
