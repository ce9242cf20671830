import { AppError, type TIdentity, type TTicket } from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { TicketDeps } from "../deps.ts";
import { ticketRepository } from "./ticket-repository.ts";
import { toTicketDto } from "./to-dto.ts";

export async function getTicket(
  deps: TicketDeps,
  who: TIdentity,
  ticketId: string,
): Promise<TTicket> {
  const ticket = await ticketRepository.findById(deps.db, who.workspaceId, ticketId);
  if (!ticket) throw new AppError("NOT_FOUND", "Not found");
  authorize(who, "ticket.read", ticket);
  return toTicketDto(ticket);
}
