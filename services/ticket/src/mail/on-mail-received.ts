import type { EventOf, TIdentity } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { decide } from "@signpost/policy";
import type { Logger } from "@signpost/service-kit";
import type { TicketDeps } from "../deps.ts";
import { addCommentIn } from "../comments/add-comment.ts";
import { commentRepository } from "../comments/comment-repository.ts";
import { directoryRepository } from "../directory/directory-repository.ts";
import { fieldRepository } from "../fields/field-repository.ts";
import { asPerson } from "../shared/actor.ts";
import { createTicketIn } from "../tickets/open-ticket.ts";
import { ticketRepository } from "../tickets/ticket-repository.ts";
import { storeMailAttachments } from "./store-mail-attachments.ts";

/**
 * Turns an accepted customer mail into a public comment on the ticket it answers (when the sender
 * may see that ticket and it is not closed; the usual reopen rules apply) or into a new `email`
 * ticket of the sender. One Message-ID is one comment or ticket, however often it arrives. Mail
 * from an unknown sender is refused (logged) in this version.
 */
export async function onMailReceived(
  deps: TicketDeps,
  tx: Sql,
  event: EventOf<"mail.received">,
  logger: Logger,
): Promise<void> {
  const mail = event.payload;
  const workspaceId = event.workspaceId;
  const log = { eventId: event.id, messageId: mail.messageId };
  if (mail.senderId === null) {
    logger.warn(log, "mail from an unknown sender refused");
    return;
  }
  if (
    (await commentRepository.findByInboundMessage(tx, workspaceId, mail.messageId)) ||
    (await ticketRepository.findByInboundMessage(tx, workspaceId, mail.messageId))
  ) {
    logger.info(log, "mail already turned into a comment or ticket");
    return;
  }
  const person = await directoryRepository.findPerson(tx, workspaceId, mail.senderId);
  if (!person?.active || person.roles.length === 0) {
    logger.warn(log, "mail from a person the directory does not know (or disabled) refused");
    return;
  }
  const who: TIdentity = {
    userId: person.userId,
    workspaceId,
    roles: person.roles,
    orgId: person.orgId,
    name: person.name,
  };
  const text = mail.text.trim() || "(empty message)";
  const answered = mail.ticketNumber
    ? await ticketRepository.findByNumber(tx, workspaceId, mail.ticketNumber)
    : null;
  if (
    answered &&
    answered.status !== "closed" &&
    decide(who, "ticket.comment", answered) === "allow"
  ) {
    const ticket = await ticketRepository.lockById(tx, workspaceId, answered.id);
    if (!ticket) return;
    const attachmentIds = await storeMailAttachments(
      deps,
      tx,
      { workspaceId, ticketId: ticket.id, senderId: who.userId, messageId: mail.messageId },
      mail.attachments,
      logger,
    );
    await addCommentIn(
      deps,
      tx,
      who,
      ticket,
      {
        body: text,
        visibility: "public",
        mentionedIds: [],
        attachmentIds,
        inboundMessageId: mail.messageId,
      },
      event.requestId,
    );
    return;
  }
  const categories = await fieldRepository.categories(tx, workspaceId);
  const category =
    categories.find((c) => c.key === "general" && c.active) ?? categories.find((c) => c.active);
  const subject = mail.subject.trim().slice(0, 200);
  const ticket = await createTicketIn(deps, tx, asPerson(who, event.requestId), {
    subject:
      subject.length >= 3
        ? subject
        : `Mail from ${mail.from.name || mail.from.email}`.slice(0, 200),
    description: text.slice(0, 20_000),
    priority: "medium",
    category: category?.key ?? "general",
    tags: [],
    source: "email",
    requesterId: who.userId,
    orgId: who.orgId,
    customFields: {},
    skipRequiredFields: true,
    inboundMessageId: mail.messageId,
  });
  if (mail.attachments.length > 0) {
    const attachmentIds = await storeMailAttachments(
      deps,
      tx,
      { workspaceId, ticketId: ticket.id, senderId: who.userId, messageId: mail.messageId },
      mail.attachments,
      logger,
    );
    if (attachmentIds.length > 0) {
      await addCommentIn(deps, tx, who, ticket, {
        body: "Files sent with the original mail.",
        visibility: "public",
        mentionedIds: [],
        attachmentIds,
      });
    }
  }
}
