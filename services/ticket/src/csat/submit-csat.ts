import { AppError, type TCsatRating, type TIdentity } from "@signpost/contracts";
import type { TicketDeps } from "../deps.ts";
import { auditRepository } from "../audit/audit-repository.ts";
import { asPerson } from "../shared/actor.ts";
import { emit, headerOf } from "../shared/emit.ts";
import { loadForChange } from "../tickets/load-for-change.ts";
import { csatRepository } from "./csat-repository.ts";

/**
 * The requester rates a resolved (or closed after resolution) ticket 1-5, once per resolution: a
 * reopened and re-resolved ticket may be rated again.
 */
export async function submitCsat(
  deps: TicketDeps,
  who: TIdentity,
  input: { ticketId: string; rating: number; comment?: string | undefined },
  requestId?: string,
): Promise<TCsatRating> {
  const rating = await deps.db.transaction(async (tx) => {
    const actor = asPerson(who, requestId);
    const ticket = await loadForChange(tx, actor, input.ticketId, "ticket.csat");
    if (ticket.requesterId !== who.userId) {
      throw new AppError("FORBIDDEN", "Only the requester rates a ticket");
    }
    if (
      ticket.resolutionCount === 0 ||
      (ticket.status !== "resolved" && ticket.status !== "closed")
    ) {
      throw new AppError("CONFLICT", "A ticket can be rated once it is resolved");
    }
    const comment = input.comment?.trim() || null;
    const saved = await csatRepository.insert(tx, {
      workspaceId: who.workspaceId,
      ticketId: ticket.id,
      resolution: ticket.resolutionCount,
      requesterId: who.userId,
      rating: input.rating,
      comment,
    });
    if (!saved) throw new AppError("CONFLICT", "You already rated this resolution");
    await auditRepository.record(tx, actor, {
      ticketId: ticket.id,
      action: "csat_submitted",
      changes: [{ field: "csat", from: null, to: { rating: input.rating, comment } }],
    });
    await emit(tx, actor, ticket, "csat.submitted", {
      ...headerOf(ticket),
      rating: input.rating,
      comment,
    });
    return saved;
  });
  deps.kickRelay();
  return rating;
}
