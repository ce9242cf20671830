import type { TComment } from "@signpost/contracts";
import type { StoredAttachment } from "../attachments/attachment-repository.ts";
import type { StoredComment } from "./comment-repository.ts";

export const attachmentUrl = (id: string) => `/api/ticket/attachments/${id}`;

/** A comment as clients see it, with its attachments' metadata and download links. */
export const toCommentDto = (c: StoredComment, attachments: StoredAttachment[]): TComment => ({
  id: c.id,
  ticketId: c.parentId,
  authorId: c.authorId,
  authorName: c.authorName,
  authorIsStaff: c.authorIsStaff,
  visibility: c.visibility,
  body: c.body,
  mentionedIds: c.mentionedIds,
  attachments: attachments
    .filter((a) => a.commentId === c.id)
    .map((a) => ({
      id: a.id,
      filename: a.filename,
      contentType: a.contentType,
      size: a.size,
      url: attachmentUrl(a.id),
    })),
  viaEmail: c.inboundMessageId !== null,
  createdAt: c.createdAt,
  editedAt: c.editedAt,
});
