import { AppError, isStaff, type TAttachment, type TIdentity } from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { TicketDeps } from "../deps.ts";
import { attachmentUrl } from "../comments/to-comment-dto.ts";
import { ticketRepository } from "../tickets/ticket-repository.ts";
import { attachmentRepository } from "./attachment-repository.ts";

/** The metadata of a ticket's attachments that `who` may download (never an internal note's for customers). */
export async function listAttachments(
  deps: TicketDeps,
  who: TIdentity,
  ticketId: string,
): Promise<TAttachment[]> {
  const ticket = await ticketRepository.findById(deps.db, who.workspaceId, ticketId);
  if (!ticket) throw new AppError("NOT_FOUND", "Not found");
  authorize(who, "ticket.attachment.read", ticket);
  const rows = await attachmentRepository.visibleOnTicket(deps.db, {
    workspaceId: who.workspaceId,
    ticketId: ticket.id,
    userId: who.userId,
    staff: isStaff(who),
  });
  return rows.map((a) => ({
    id: a.id,
    filename: a.filename,
    contentType: a.contentType,
    size: a.size,
    url: attachmentUrl(a.id),
  }));
}
