import { AppError, isStaff, type TComment, type TIdentity } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { authorize } from "@signpost/policy";
import type { TicketDeps } from "../deps.ts";
import { attachmentRepository } from "../attachments/attachment-repository.ts";
import { auditRepository } from "../audit/audit-repository.ts";
import { asPerson } from "../shared/actor.ts";
import { ticketRepository } from "../tickets/ticket-repository.ts";
import { commentRepository, type StoredComment } from "./comment-repository.ts";
import { toCommentDto } from "./to-comment-dto.ts";

/**
 * Finds a comment someone may change: they must see it (customers never see notes: 404) and be
 * its author or an admin (403 otherwise).
 */
async function loadOwnComment(tx: Sql, who: TIdentity, commentId: string) {
  const comment = await commentRepository.findById(tx, who.workspaceId, commentId);
  if (!comment) throw new AppError("NOT_FOUND", "Not found");
  const ticket = await ticketRepository.lockById(tx, who.workspaceId, comment.parentId);
  if (!ticket) throw new AppError("NOT_FOUND", "Not found");
  authorize(who, "ticket.read", ticket);
  if (comment.visibility === "internal" && !isStaff(who)) {
    throw new AppError("NOT_FOUND", "Not found");
  }
  if (comment.authorId !== who.userId && !who.roles.includes("admin")) {
    throw new AppError("FORBIDDEN", "Only the author or an admin may change a comment");
  }
  return { comment, ticket };
}

/** Edits a comment's text; the audit log keeps the text before and after. */
export async function editComment(
  deps: TicketDeps,
  who: TIdentity,
  commentId: string,
  body: string,
): Promise<TComment> {
  const edited: StoredComment = await deps.db.transaction(async (tx) => {
    const { comment } = await loadOwnComment(tx, who, commentId);
    const updated = await commentRepository.setBody(tx, comment.id, body);
    await auditRepository.record(tx, asPerson(who), {
      ticketId: comment.parentId,
      action: "comment_edited",
      changes: [{ field: `comment:${comment.id}`, from: comment.body, to: body }],
    });
    return updated;
  });
  return toCommentDto(edited, await attachmentRepository.forComments(deps.db, [edited.id]));
}

/** Removes a comment from the thread; the audit log keeps what it said. */
export async function deleteComment(
  deps: TicketDeps,
  who: TIdentity,
  commentId: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const { comment } = await loadOwnComment(tx, who, commentId);
    await commentRepository.markDeleted(tx, comment.id);
    await auditRepository.record(tx, asPerson(who), {
      ticketId: comment.parentId,
      action: "comment_deleted",
      changes: [{ field: `comment:${comment.id}`, from: comment.body, to: null }],
    });
  });
}
