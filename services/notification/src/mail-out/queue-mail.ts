import { randomUUID } from "node:crypto";
import type { Sql } from "@signpost/db";
import type { RenderedMail } from "./layout.ts";
import { leaveForTheEnd } from "@signpost/queue";
import { mailRepository, type NewMail, type NewThread } from "./mail-repository.ts";
import { messageIdOf, threadRootId } from "./threading.ts";
import type { TemplateName } from "./templates.ts";

export interface MailSetup {
  /** The domain of the Message-IDs we mint. */
  domain: string;
  publicUrl: string;
}

/** A mail waiting for its thread's headers, and the thread it belongs in. */
interface PendingMail {
  mail: Omit<NewMail, "message_id" | "in_reply_to" | "refs">;
  thread: NewThread | null;
  /** The acknowledgement is the thread's root; every later mail answers it. */
  isRoot: boolean;
  domain: string;
}

/**
 * Queues one mail in the caller's transaction, threaded into its ticket's conversation: the
 * acknowledgement is the thread's root (and answers the customer's own mail when the ticket came
 * by mail); every later mail answers the root. In an event consumer's transaction the mail is
 * written at its end with those of the other events sharing it (two statements per batch rather
 * than two per mail), and true is returned; written at once, it returns false when the ledger
 * already holds a mail of this event for this address.
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
  const pending: PendingMail = {
    mail: {
      id: randomUUID(),
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
      status: m.digestKey ? "held" : "queued",
      digest_key: m.digestKey ?? null,
    },
    thread: m.ticket && {
      workspaceId: m.workspaceId,
      ticketId: m.ticket.id,
      number: m.ticket.number,
      rootId: threadRootId(m.ticket.id, setup.domain),
      originId: m.ticket.originMessageId ?? null,
    },
    isRoot: m.template === "acknowledged",
    domain: setup.domain,
  };
  const queuedNow = await leaveForTheEnd(tx, "notification.mail_messages", [pending], writeMails);
  return queuedNow === undefined || queuedNow > 0;
}

/** Records the mails' threads, then the mails with their thread headers; returns how many were queued. */
async function writeMails(tx: Sql, pending: PendingMail[]): Promise<number> {
  // By ticket id as Postgres spells a uuid (lower case), which is how the threads come back.
  const keyOf = (t: NewThread) => t.ticketId.toLowerCase();
  const firstOfTicket = new Map<string, NewThread>();
  for (const { thread } of pending) {
    if (!thread) continue;
    const first = firstOfTicket.get(keyOf(thread));
    if (!first) firstOfTicket.set(keyOf(thread), { ...thread });
    else first.originId ??= thread.originId;
  }
  // In ticket order, so two transactions recording the same threads lock them in one order and
  // never wait on each other.
  const ordered = [...firstOfTicket].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, t]) => t);
  const threads =
    ordered.length > 0 ? await mailRepository.threads(tx, ordered) : new Map<string, never>();
  return mailRepository.insert(
    tx,
    pending.map(({ mail, thread, isRoot, domain }) => {
      const t =
        thread &&
        (threads.get(keyOf(thread)) ?? { root_id: thread.rootId, origin_id: thread.originId });
      if (!t)
        return { ...mail, message_id: messageIdOf(mail.id, domain), in_reply_to: null, refs: [] };
      const origin = t.origin_id;
      return isRoot
        ? { ...mail, message_id: t.root_id, in_reply_to: origin, refs: origin ? [origin] : [] }
        : {
            ...mail,
            message_id: messageIdOf(mail.id, domain),
            in_reply_to: t.root_id,
            refs: origin ? [origin, t.root_id] : [t.root_id],
          };
    }),
  );
}
