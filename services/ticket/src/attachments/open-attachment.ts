import type { Readable } from "node:stream";
import { AppError, isStaff, type TIdentity } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { authorize } from "@signpost/policy";
import type { TicketDeps } from "../deps.ts";
import { commentRepository, type StoredComment } from "../comments/comment-repository.ts";
import { ticketRepository } from "../tickets/ticket-repository.ts";
import { attachmentRepository, type StoredAttachment } from "./attachment-repository.ts";

/**
 * An attachment someone may see: its ticket is theirs to read, its comment is not deleted and (for
 * customers) not an internal note; a pending upload only for its uploader. Everything else is
 * NOT_FOUND, so an id reveals nothing.
 */
export async function findVisibleAttachment(
  sql: Sql,
  who: TIdentity,
  attachmentId: string,
): Promise<{ meta: StoredAttachment; comment: StoredComment | null }> {
  const notFound = new AppError("NOT_FOUND", "Not found");
  const meta = await attachmentRepository.findById(sql, who.workspaceId, attachmentId);
  if (!meta) throw notFound;
  const ticket = await ticketRepository.findById(sql, who.workspaceId, meta.ticketId);
  if (!ticket) throw notFound;
  authorize(who, "ticket.attachment.read", ticket);
  if (meta.commentId === null) {
    if (meta.uploadedBy !== who.userId) throw notFound;
    return { meta, comment: null };
  }
  const comment = await commentRepository.findById(sql, who.workspaceId, meta.commentId);
  if (!comment) throw notFound;
  if (comment.visibility === "internal" && !isStaff(who)) throw notFound;
  return { meta, comment };
}

/** Opens an attachment's bytes as a stream for someone who may see it. */
export async function openAttachment(
  deps: TicketDeps,
  who: TIdentity,
  attachmentId: string,
): Promise<{ meta: StoredAttachment; stream: Readable }> {
  const { meta } = await findVisibleAttachment(deps.db, who, attachmentId);
  return { meta, stream: await deps.storage.read(meta.storageKey) };
}
