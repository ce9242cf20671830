import { AppError, type TIdentity, type TTicketDetail } from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { TicketDeps } from "../deps.ts";
import { linkRepository } from "./link-repository.ts";
import { ticketRepository } from "./ticket-repository.ts";
import { toTicketDto } from "./to-dto.ts";

/** One ticket with its links; another workspace's or organization's ticket is NOT_FOUND. */
export async function getTicket(
  deps: TicketDeps,
  who: TIdentity,
  ticketId: string,
): Promise<TTicketDetail> {
  const ticket = await ticketRepository.findById(deps.db, who.workspaceId, ticketId);
  if (!ticket) throw new AppError("NOT_FOUND", "Not found");
  authorize(who, "ticket.read", ticket);
  const links = await linkRepository.forTicket(deps.db, who.workspaceId, ticket.id, who);
  return { ...toTicketDto(ticket), links };
}
