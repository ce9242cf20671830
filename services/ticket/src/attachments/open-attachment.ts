import { AppError, isStaff, type TIdentity } from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { TicketDeps } from "../deps.ts";
import { commentRepository } from "../comments/comment-repository.ts";
import { ticketRepository } from "../tickets/ticket-repository.ts";
import { attachmentRepository, type StoredAttachment } from "./attachment-repository.ts";

/**
 * Opens an attachment for someone who may see it: its ticket is theirs to read, its comment is not
 * deleted and (for customers) not an internal note; a pending upload only for its uploader.
 * Everything else is NOT_FOUND, so an id reveals nothing.
 */
export async function openAttachment(
  deps: TicketDeps,
  who: TIdentity,
  attachmentId: string,
): Promise<{ meta: StoredAttachment; stream: NodeJS.ReadableStream }> {
  const notFound = new AppError("NOT_FOUND", "Not found");
  const meta = await attachmentRepository.findById(deps.db, who.workspaceId, attachmentId);
  if (!meta) throw notFound;
  const ticket = await ticketRepository.findById(deps.db, who.workspaceId, meta.ticketId);
  if (!ticket) throw notFound;
  authorize(who, "ticket.attachment.read", ticket);
  if (meta.commentId === null) {
    if (meta.uploadedBy !== who.userId) throw notFound;
  } else {
    const comment = await commentRepository.findById(deps.db, who.workspaceId, meta.commentId);
    if (!comment) throw notFound;
    if (comment.visibility === "internal" && !isStaff(who)) throw notFound;
  }
  return { meta, stream: deps.storage.read(meta.storageKey) };
}
