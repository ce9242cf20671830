import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { AppError, type PayloadOf } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import type { Logger } from "@signpost/service-kit";
import type { TicketDeps } from "../deps.ts";
import { attachmentRepository } from "../attachments/attachment-repository.ts";
import { allowedContentTypes, baseType, contentMatches } from "../attachments/content-check.ts";

type MailAttachment = PayloadOf<"mail.received">["attachments"][number];

/**
 * Stores a mail's attachments as pending uploads of the sender, under the same limits as uploads
 * through the API; files that break a rule are dropped and logged, never the whole mail.
 */
export async function storeMailAttachments(
  deps: TicketDeps,
  tx: Sql,
  q: { workspaceId: string; ticketId: string; senderId: string; messageId: string },
  files: MailAttachment[],
  logger: Logger,
): Promise<string[]> {
  const ids: string[] = [];
  for (const file of files.slice(0, deps.attachmentLimits.maxPerComment)) {
    const type = baseType(file.contentType);
    const id = randomUUID();
    const storageKey = `${q.workspaceId}/${id}`;
    try {
      if (!allowedContentTypes.includes(type)) throw new AppError("BAD_REQUEST", `type ${type}`);
      const bytes = Buffer.from(file.contentBase64, "base64");
      const { size, head } = await deps.storage.write(
        storageKey,
        Readable.from([bytes]),
        deps.attachmentLimits.maxBytes,
      );
      if (!contentMatches(type, head)) throw new AppError("BAD_REQUEST", `not a ${type}`);
      await attachmentRepository.insert(tx, {
        id,
        workspaceId: q.workspaceId,
        ticketId: q.ticketId,
        commentId: null,
        uploadedBy: q.senderId,
        filename: file.filename.replace(/[\\/\0\r\n"]/g, "_").slice(0, 200) || "attachment",
        contentType: type,
        size,
        storageKey,
      });
      ids.push(id);
    } catch (error) {
      await deps.storage.remove(storageKey);
      if (!(error instanceof AppError)) throw error;
      logger.warn(
        { messageId: q.messageId, filename: file.filename, reason: error.message },
        "mail attachment dropped",
      );
    }
  }
  if (files.length > deps.attachmentLimits.maxPerComment) {
    logger.warn({ messageId: q.messageId, count: files.length }, "mail attachments over the limit");
  }
  return ids;
}
