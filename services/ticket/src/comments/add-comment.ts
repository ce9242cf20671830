import { randomUUID } from "node:crypto";
import {
  AppError,
  isStaff,
  type TComment,
  type TCommentVisibility,
  type TIdentity,
} from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { authorize } from "@signpost/policy";
import { runHooks, type TicketDeps } from "../deps.ts";
import { attachmentRepository } from "../attachments/attachment-repository.ts";
import { auditRepository } from "../audit/audit-repository.ts";
import { asPerson, type Actor } from "../shared/actor.ts";
import { emit, headerOf } from "../shared/emit.ts";
import { applyStatus } from "../tickets/change-status.ts";
import { loadForChange } from "../tickets/load-for-change.ts";
import { ticketRepository, type StoredTicket } from "../tickets/ticket-repository.ts";
import { commentRepository, type StoredComment } from "./comment-repository.ts";
import { resolveMentions } from "./mentions.ts";
import { toCommentDto } from "./to-comment-dto.ts";

export interface NewComment {
  body: string;
  visibility: TCommentVisibility;
  mentionedIds: string[];
  attachmentIds: string[];
  /** Set for a comment that came in by mail. */
  inboundMessageId?: string | null;
}

/**
 * Adds a comment by the person `who` to a locked ticket inside `tx`. A customer's reply to a ticket
 * waiting on them or resolved reopens it (same thread); the first public staff reply stamps the
 * first response. `ticket.commented` never carries an internal note's text.
 */
export async function addCommentIn(
  deps: TicketDeps,
  tx: Sql,
  who: TIdentity,
  ticket: StoredTicket,
  c: NewComment,
  requestId?: string,
): Promise<StoredComment> {
  const actor: Actor = asPerson(who, requestId);
  const staff = isStaff(who);
  authorize(who, c.visibility === "internal" ? "ticket.note" : "ticket.comment", ticket);
  if (ticket.status === "closed") {
    throw new AppError("CONFLICT", `Ticket #${ticket.number} is closed; open a new ticket instead`);
  }
  if (c.attachmentIds.length > deps.attachmentLimits.maxPerComment) {
    throw new AppError(
      "BAD_REQUEST",
      `At most ${deps.attachmentLimits.maxPerComment} attachments per comment`,
    );
  }
  // Customers cannot summon staff by name; only staff mentions are resolved.
  const mentionedIds = staff
    ? await resolveMentions(tx, who.workspaceId, c.body, c.mentionedIds)
    : [];
  const comment = await commentRepository.insert(tx, {
    id: randomUUID(),
    workspaceId: ticket.workspaceId,
    parentType: "ticket",
    parentId: ticket.id,
    authorId: who.userId,
    authorName: who.name,
    authorIsStaff: staff,
    visibility: c.visibility,
    body: c.body,
    mentionedIds,
    inboundMessageId: c.inboundMessageId ?? null,
  });
  if (c.attachmentIds.length > 0) {
    const attached = await attachmentRepository.attach(tx, {
      workspaceId: ticket.workspaceId,
      ticketId: ticket.id,
      uploadedBy: who.userId,
      commentId: comment.id,
      ids: c.attachmentIds,
    });
    if (attached !== c.attachmentIds.length) {
      throw new AppError("BAD_REQUEST", "Unknown or already used attachment");
    }
  }
  await auditRepository.record(tx, actor, {
    ticketId: ticket.id,
    action: "commented",
    changes: [{ field: "comment", from: null, to: { id: comment.id, visibility: c.visibility } }],
  });
  const publicStaffReply = staff && c.visibility === "public";
  let after = ticket;
  if (publicStaffReply && ticket.firstResponseAt === null) {
    after = await ticketRepository.update(tx, ticket.id, { firstResponseAt: comment.createdAt });
  } else {
    after = await ticketRepository.update(tx, ticket.id, {});
  }
  await emit(tx, actor, after, "ticket.commented", {
    ...headerOf(after),
    commentId: comment.id,
    authorId: who.userId,
    authorIsStaff: staff,
    visibility: c.visibility,
    body: c.visibility === "public" ? c.body : null,
    mentionedIds,
    attachmentCount: c.attachmentIds.length,
    inboundMessageId: comment.inboundMessageId,
  });
  await runHooks(deps, tx, { before: ticket, after, actor, cause: "commented", publicStaffReply });
  if (!staff && (after.status === "waiting_on_customer" || after.status === "resolved")) {
    await applyStatus(deps, tx, actor, after, "open");
  }
  return comment;
}

/** Adds a public reply or (staff only) an internal note to a ticket's thread. */
export async function addComment(
  deps: TicketDeps,
  who: TIdentity,
  ticketId: string,
  c: NewComment,
  requestId?: string,
): Promise<TComment> {
  const { comment, attachments } = await deps.db.transaction(async (tx) => {
    const ticket = await loadForChange(tx, asPerson(who), ticketId, "ticket.read");
    const made = await addCommentIn(deps, tx, who, ticket, c, requestId);
    return { comment: made, attachments: await attachmentRepository.forComments(tx, [made.id]) };
  });
  deps.kickRelay();
  return toCommentDto(comment, attachments);
}
