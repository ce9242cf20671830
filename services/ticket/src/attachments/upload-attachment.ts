import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { AppError, type TAttachment, type TIdentity } from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { TicketDeps } from "../deps.ts";
import { attachmentUrl } from "../comments/to-comment-dto.ts";
import { ticketRepository } from "../tickets/ticket-repository.ts";
import { attachmentRepository } from "./attachment-repository.ts";
import { allowedContentTypes, baseType, contentMatches } from "./content-check.ts";

export interface UploadMeta {
  ticketId: string;
  filename: string;
  contentType: string;
}

/** A file name safe to show and to send back in Content-Disposition. */
const cleanName = (name: string) =>
  name
    .replace(/[\\/\0\r\n"]/g, "_")
    .trim()
    .slice(0, 200) || "attachment";

/**
 * Streams an upload to storage for a ticket the uploader may comment on. It stays pending (only
 * the uploader can fetch it) until a comment of theirs on that ticket takes it.
 */
export async function uploadAttachment(
  deps: TicketDeps,
  who: TIdentity,
  meta: UploadMeta,
  body: Readable,
): Promise<TAttachment> {
  const ticket = await ticketRepository.findById(deps.db, who.workspaceId, meta.ticketId);
  if (!ticket) throw new AppError("NOT_FOUND", "Not found");
  authorize(who, "ticket.comment", ticket);
  if (ticket.status === "closed")
    throw new AppError("CONFLICT", `Ticket #${ticket.number} is closed`);
  const type = baseType(meta.contentType);
  if (!allowedContentTypes.includes(type)) {
    throw new AppError("BAD_REQUEST", `Files of type ${type || "(none)"} cannot be attached`);
  }
  const id = randomUUID();
  const storageKey = `${who.workspaceId}/${id}`;
  const { size, head } = await deps.storage.write(storageKey, body, deps.attachmentLimits.maxBytes);
  if (size === 0 || !contentMatches(type, head)) {
    await deps.storage.remove(storageKey);
    throw new AppError("BAD_REQUEST", `The file is not a valid ${type}`);
  }
  const filename = cleanName(meta.filename);
  await attachmentRepository.insert(deps.db, {
    id,
    workspaceId: who.workspaceId,
    ticketId: ticket.id,
    commentId: null,
    uploadedBy: who.userId,
    filename,
    contentType: type,
    size,
    storageKey,
  });
  return { id, filename, contentType: type, size, url: attachmentUrl(id) };
}
