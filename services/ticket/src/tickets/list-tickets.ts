import { isStaff, type TIdentity, type TTicket } from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { TicketDeps } from "../deps.ts";
import { ticketRepository } from "./ticket-repository.ts";
import { toTicketDto } from "./to-dto.ts";

/** Staff see the workspace's tickets; a customer sees only their organization's. */
export async function listTickets(
  deps: TicketDeps,
  who: TIdentity,
  limit: number,
): Promise<TTicket[]> {
  authorize(who, "ticket.list");
  const orgId = isStaff(who) ? null : who.orgId;
  // A customer without an organization has nothing to see (never "everything").
  if (!isStaff(who) && orgId === null) return [];
  const rows = await ticketRepository.list(deps.db, { workspaceId: who.workspaceId, orgId, limit });
  return rows.map(toTicketDto);
}
