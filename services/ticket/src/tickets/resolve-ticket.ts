import type { TIdentity, TTicket } from "@signpost/contracts";
import type { TicketDeps } from "../deps.ts";
import { asPerson } from "../shared/actor.ts";
import { changeStatus } from "./change-status.ts";

/**
 * Marks a ticket resolved; `ticket.resolved` carries the last public staff reply as the
 * resolution (the KB indexes it).
 */
export const resolveTicket = (
  deps: TicketDeps,
  who: TIdentity,
  ticketId: string,
  requestId?: string,
): Promise<TTicket> => changeStatus(deps, asPerson(who, requestId), ticketId, "resolved");
