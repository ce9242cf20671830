import { randomUUID } from "node:crypto";
import type { Sql } from "@signpost/db";
import type { RenderedMail } from "./layout.ts";
import { mailRepository } from "./mail-repository.ts";
import { messageIdOf, threadRootId } from "./threading.ts";
import type { TemplateName } from "./templates.ts";

export interface MailSetup {
  /** The domain of the Message-IDs we mint. */
  domain: string;
  publicUrl: string;
}

/**
 * Queues one mail in the caller's transaction, threaded into its ticket's conversation: the
 * acknowledgement is the thread's root (and answers the customer's own mail when the ticket came
 * by mail); every later mail answers the root. Returns false when the ledger already holds a mail
 * of this event for this address.
 */
export async function queueMail(
  tx: Sql,
  setup: MailSetup,
  m: {
    workspaceId: string;
    eventId: string;
    to: { email: string; userId: string | null };
    template: TemplateName;
    rendered: RenderedMail;
    ticket: { id: string; number: number; originMessageId?: string | null } | null;
    digestKey?: string | null;
  },
): Promise<boolean> {
  const id = randomUUID();
  let messageId = messageIdOf(id, setup.domain);
  let inReplyTo: string | null = null;
  let refs: string[] = [];
  if (m.ticket) {
    const thread = await mailRepository.thread(tx, {
      workspaceId: m.workspaceId,
      ticketId: m.ticket.id,
      number: m.ticket.number,
      rootId: threadRootId(m.ticket.id, setup.domain),
      originId: m.ticket.originMessageId ?? null,
    });
    const origin = thread.origin_id;
    if (m.template === "acknowledged") {
      messageId = thread.root_id;
      inReplyTo = origin;
      refs = origin ? [origin] : [];
    } else {
      inReplyTo = thread.root_id;
      refs = origin ? [origin, thread.root_id] : [thread.root_id];
    }
  }
  return mailRepository.insert(tx, {
    id,
    workspace_id: m.workspaceId,
    event_id: m.eventId,
    recipient_email: m.to.email,
    recipient_id: m.to.userId,
    template: m.template,
    ticket_id: m.ticket?.id ?? null,
    ticket_number: m.ticket?.number ?? null,
    subject: m.rendered.subject,
    text_body: m.rendered.text,
    html_body: m.rendered.html,
    message_id: messageId,
    in_reply_to: inReplyTo,
    refs,
    status: m.digestKey ? "held" : "queued",
    digest_key: m.digestKey ?? null,
  });
}
