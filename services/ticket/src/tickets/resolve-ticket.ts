import { AppError, type TIdentity, type TTicket } from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import { appendToOutbox, buildEvent } from "@signpost/queue";
import type { TicketDeps } from "../deps.ts";
import { schema } from "../schema.ts";
import { ticketRepository } from "./ticket-repository.ts";
import { toTicketDto } from "./to-dto.ts";

/** Marks a ticket resolved and records `ticket.resolved` (the KB indexes its resolution). */
export async function resolveTicket(
  deps: TicketDeps,
  who: TIdentity,
  ticketId: string,
  requestId?: string,
): Promise<TTicket> {
  const ticket = await deps.db.transaction(async (tx) => {
    const current = await ticketRepository.lockById(tx, who.workspaceId, ticketId);
    if (!current) throw new AppError("NOT_FOUND", "Not found");
    authorize(who, "ticket.resolve", current);
    if (current.status === "resolved" || current.status === "closed") {
      throw new AppError("CONFLICT", `Ticket #${current.number} is already ${current.status}`);
    }
    const resolved = await ticketRepository.markResolved(tx, current.id);
    await appendToOutbox(
      tx,
      schema,
      buildEvent("ticket.resolved", {
        workspaceId: resolved.workspaceId,
        orgId: resolved.orgId,
        ...(requestId ? { requestId } : {}),
        payload: {
          ticketId: resolved.id,
          number: resolved.number,
          resolvedAt: resolved.resolvedAt ?? new Date().toISOString(),
          subject: resolved.subject,
          description: resolved.description,
          category: resolved.category,
          // The thread (and so the public reply that resolved it) arrives with comments.
          resolution: null,
        },
      }),
    );
    return resolved;
  });
  deps.kickRelay();
  return toTicketDto(ticket);
}
