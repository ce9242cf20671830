import { AppError, isStaff, type TComment, type TIdentity } from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { TicketDeps } from "../deps.ts";
import { attachmentRepository } from "../attachments/attachment-repository.ts";
import { ticketRepository } from "../tickets/ticket-repository.ts";
import { commentRepository } from "./comment-repository.ts";
import { toCommentDto } from "./to-comment-dto.ts";

/** A ticket's thread, oldest first. Customers get public replies only: internal notes never. */
export async function listThread(
  deps: TicketDeps,
  who: TIdentity,
  ticketId: string,
): Promise<TComment[]> {
  const ticket = await ticketRepository.findById(deps.db, who.workspaceId, ticketId);
  if (!ticket) throw new AppError("NOT_FOUND", "Not found");
  authorize(who, "ticket.read", ticket);
  const comments = await commentRepository.thread(
    deps.db,
    who.workspaceId,
    ticket.id,
    !isStaff(who),
  );
  const attachments = await attachmentRepository.forComments(
    deps.db,
    comments.map((c) => c.id),
  );
  return comments.map((c) => toCommentDto(c, attachments));
}
