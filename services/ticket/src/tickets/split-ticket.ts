import { AppError, type TTicket } from "@signpost/contracts";
import type { TicketDeps } from "../deps.ts";
import { auditRepository } from "../audit/audit-repository.ts";
import { commentRepository } from "../comments/comment-repository.ts";
import type { Actor } from "../shared/actor.ts";
import { createTicketIn } from "./open-ticket.ts";
import { linkRepository } from "./link-repository.ts";
import { loadForChange } from "./load-for-change.ts";
import { toTicketDto } from "./to-dto.ts";

/**
 * Turns a public comment into a new ticket of the same requester and organization, linked both
 * ways. Internal notes are refused: their text would become visible to the customer.
 */
export async function splitTicket(
  deps: TicketDeps,
  actor: Actor,
  commentId: string,
  subject: string,
): Promise<TTicket> {
  const created = await deps.db.transaction(async (tx) => {
    const comment = await commentRepository.findById(tx, actor.workspaceId, commentId);
    if (!comment) throw new AppError("NOT_FOUND", "Not found");
    const source = await loadForChange(tx, actor, comment.parentId, "ticket.update");
    if (comment.visibility !== "public") {
      throw new AppError("BAD_REQUEST", "Only a public comment can become a ticket");
    }
    const ticket = await createTicketIn(deps, tx, actor, {
      subject,
      description: comment.body,
      priority: source.priority,
      category: source.category,
      tags: source.tags,
      source: source.source,
      requesterId: source.requesterId,
      orgId: source.orgId,
      customFields: {},
      skipRequiredFields: true,
    });
    await linkRepository.link(tx, actor.workspaceId, ticket.id, source.id, "split_from");
    await auditRepository.record(tx, actor, {
      ticketId: source.id,
      action: "split",
      changes: [{ field: "splitInto", from: commentId, to: ticket.id }],
    });
    return ticket;
  });
  deps.kickRelay();
  return toTicketDto(created);
}
