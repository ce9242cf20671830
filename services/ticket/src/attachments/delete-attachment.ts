import { AppError, type TIdentity } from "@signpost/contracts";
import type { TicketDeps } from "../deps.ts";
import { auditRepository } from "../audit/audit-repository.ts";
import { asPerson } from "../shared/actor.ts";
import { attachmentRepository } from "./attachment-repository.ts";
import { findVisibleAttachment } from "./open-attachment.ts";

/**
 * Deletes an attachment its uploader (or an admin) no longer wants: the row and the stored bytes
 * go together, in one transaction, so a storage failure leaves both in place; the audit log keeps
 * what was removed.
 */
export async function deleteAttachment(
  deps: TicketDeps,
  who: TIdentity,
  attachmentId: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const { meta } = await findVisibleAttachment(tx, who, attachmentId);
    if (meta.uploadedBy !== who.userId && !who.roles.includes("admin")) {
      throw new AppError("FORBIDDEN", "Only the uploader or an admin may delete an attachment");
    }
    await attachmentRepository.remove(tx, who.workspaceId, meta.id);
    await auditRepository.record(tx, asPerson(who), {
      ticketId: meta.ticketId,
      action: "attachment_deleted",
      changes: [{ field: `attachment:${meta.id}`, from: meta.filename, to: null }],
    });
    // Last, so any earlier failure keeps the file; a failure here rolls the row back.
    await deps.storage.remove(meta.storageKey);
  });
}
