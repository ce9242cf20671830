import { AppError } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { authorize, type Action } from "@signpost/policy";
import type { Actor } from "../shared/actor.ts";
import { ticketRepository, type StoredTicket } from "./ticket-repository.ts";

/**
 * Locks a ticket for a change and checks the actor may make it. Another workspace's or (for a
 * customer) another organization's ticket is NOT_FOUND; the system may change any ticket of its
 * workspace.
 */
export async function loadForChange(
  tx: Sql,
  actor: Actor,
  ticketId: string,
  action: Action,
): Promise<StoredTicket> {
  const ticket = await ticketRepository.lockById(tx, actor.workspaceId, ticketId);
  if (!ticket) throw new AppError("NOT_FOUND", "Not found");
  if (actor.who) authorize(actor.who, action, ticket);
  return ticket;
}
