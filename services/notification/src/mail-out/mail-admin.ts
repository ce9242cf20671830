import type { z } from "zod";
import {
  AppError,
  type TIdentity,
  type TMailMessage,
  type ZListMailInput,
  type ZUpdateMailSettingsInput,
} from "@signpost/contracts";
import type { Db } from "@signpost/db";
import { authorize } from "@signpost/policy";
import { mailRepository, type MailRow } from "./mail-repository.ts";
import { redactedBody, secretTemplates } from "./templates.ts";

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

const toDto = (r: MailRow): TMailMessage => ({
  id: r.id,
  to: r.recipient_email,
  template: r.template,
  subject: r.subject,
  // Even before it is sent, nobody but the recipient reads a single-use link.
  text: secretTemplates.includes(r.template) ? redactedBody : r.text_body,
  html: secretTemplates.includes(r.template) ? redactedBody : r.html_body,
  messageId: r.message_id,
  inReplyTo: r.in_reply_to,
  references: r.refs,
  ticketNumber: r.ticket_number,
  status: r.status === "digested" ? "sent" : r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  createdAt: new Date(r.created_at).toISOString(),
  sentAt: iso(r.sent_at),
});

/** The workspace's mails, newest first: the development mailbox when no SMTP is configured. */
export async function listMail(
  db: Db,
  who: TIdentity,
  input: z.infer<typeof ZListMailInput>,
): Promise<TMailMessage[]> {
  authorize(who, "notification.mail.admin");
  const rows = await mailRepository.list(db, who.workspaceId, input);
  return rows.map(toDto);
}

/** Mails that failed every attempt. */
export const listDeadMail = (db: Db, who: TIdentity, limit: number) =>
  listMail(db, who, { status: "dead", limit });

/** Queues a dead mail of the caller's workspace again. */
export async function retryMail(db: Db, who: TIdentity, mailId: string, kick: () => void) {
  authorize(who, "notification.mail.admin");
  // Retrying twice, or a mail that is not (or no longer) dead, queues nothing: an idempotent no.
  const queued = await mailRepository.revive(db, who.workspaceId, mailId);
  if (queued) kick();
  return { queued };
}

export async function getMailSettings(db: Db, who: TIdentity) {
  authorize(who, "notification.mail.admin");
  const s = await mailRepository.settings(db, who.workspaceId);
  return {
    supportAddress: s.support_address,
    fromName: s.from_name,
    unknownSenders: s.unknown_senders,
  };
}

export async function updateMailSettings(
  db: Db,
  who: TIdentity,
  input: z.infer<typeof ZUpdateMailSettingsInput>,
) {
  authorize(who, "notification.mail.admin");
  const current = await mailRepository.settings(db, who.workspaceId);
  const next = {
    support_address:
      input.supportAddress === undefined ? current.support_address : input.supportAddress,
    from_name: input.fromName === undefined ? current.from_name : input.fromName,
    unknown_senders: input.unknownSenders ?? current.unknown_senders,
  };
  const owner = next.support_address
    ? await mailRepository.workspaceOfAddress(db, next.support_address)
    : null;
  if (owner && owner !== who.workspaceId) {
    throw new AppError("CONFLICT", "That support address is in use");
  }
  await mailRepository.saveSettings(db, who.workspaceId, next);
  return {
    supportAddress: next.support_address,
    fromName: next.from_name,
    unknownSenders: next.unknown_senders,
  };
}
