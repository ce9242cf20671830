import { AppError, type TTicket } from "@signpost/contracts";
import { authorize, decide } from "@signpost/policy";
import { runHooks, type TicketDeps } from "../deps.ts";
import { attachmentRepository } from "../attachments/attachment-repository.ts";
import { auditRepository } from "../audit/audit-repository.ts";
import { commentRepository } from "../comments/comment-repository.ts";
import { actorIdOf, type Actor } from "../shared/actor.ts";
import { emit, headerOf } from "../shared/emit.ts";
import { applyStatus } from "./change-status.ts";
import { linkRepository } from "./link-repository.ts";
import { ticketRepository } from "./ticket-repository.ts";
import { toTicketDto } from "./to-dto.ts";

/**
 * Merges `sourceId` into `targetId`: the source's thread and attachments move to the target, its
 * requester joins the target's collaborators, the source closes as merged, both are linked, and
 * `ticket.merged` lets the notification service tell the customer. Tickets of two different
 * organizations never merge (one customer would read the other's thread).
 */
export async function mergeTickets(
  deps: TicketDeps,
  actor: Actor,
  sourceId: string,
  targetId: string,
): Promise<TTicket> {
  if (sourceId === targetId) throw new AppError("BAD_REQUEST", "A ticket cannot merge into itself");
  const target = await deps.db.transaction(async (tx) => {
    // Lock in id order so two merges of the same pair cannot deadlock; then check visibility of
    // both before the role, so a ticket one may not see is 404 whichever id sorts first.
    const [first, second] = [sourceId, targetId].sort();
    const a = await ticketRepository.lockById(tx, actor.workspaceId, first as string);
    const b = await ticketRepository.lockById(tx, actor.workspaceId, second as string);
    if (!a || !b) throw new AppError("NOT_FOUND", "Not found");
    const source = a.id === sourceId ? a : b;
    const into = a.id === sourceId ? b : a;
    if (actor.who) {
      const who = actor.who;
      if ([source, into].some((t) => decide(who, "ticket.read", t) === "not_found")) {
        throw new AppError("NOT_FOUND", "Not found");
      }
      authorize(who, "ticket.update", source);
      authorize(who, "ticket.update", into);
    }
    if (source.status === "closed" || into.status === "closed") {
      throw new AppError("CONFLICT", "Closed tickets cannot be merged");
    }
    if (source.orgId !== into.orgId) {
      throw new AppError("BAD_REQUEST", "Tickets of different organizations cannot be merged");
    }
    const moved = await commentRepository.moveThread(tx, actor.workspaceId, source.id, into.id);
    await attachmentRepository.moveTicket(tx, actor.workspaceId, source.id, into.id);
    const collaborators = [...into.collaboratorIds];
    if (source.requesterId !== into.requesterId && !collaborators.includes(source.requesterId)) {
      collaborators.push(source.requesterId);
    }
    const updated = await ticketRepository.update(tx, into.id, { collaboratorIds: collaborators });
    await linkRepository.link(tx, actor.workspaceId, source.id, into.id, "merged_into");
    await ticketRepository.update(tx, source.id, { mergedIntoId: into.id });
    const closed = await applyStatus(deps, tx, actor, source, "closed", "merged");
    await auditRepository.record(tx, actor, {
      ticketId: into.id,
      action: "merged",
      changes: [
        { field: "mergedFrom", from: null, to: source.id },
        { field: "comments", from: null, to: moved },
        { field: "collaboratorIds", from: into.collaboratorIds, to: collaborators },
      ],
    });
    await auditRepository.record(tx, actor, {
      ticketId: source.id,
      action: "merged",
      changes: [{ field: "mergedInto", from: null, to: into.id }],
    });
    await emit(tx, actor, updated, "ticket.merged", {
      ...headerOf(updated),
      actorId: actorIdOf(actor),
      sourceTicketId: closed.id,
      sourceNumber: closed.number,
      sourceRequesterId: closed.requesterId,
    });
    await runHooks(deps, tx, { before: into, after: updated, actor, cause: "merged" });
    return updated;
  });
  deps.kickRelay();
  return toTicketDto(target);
}
