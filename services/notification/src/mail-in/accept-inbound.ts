import { createHash } from "node:crypto";
import { simpleParser } from "mailparser";
import type { TInboundResult } from "@signpost/contracts";
import type { Db } from "@signpost/db";
import { appendToOutbox, buildEvent } from "@signpost/queue";
import { directoryRepository } from "../directory/directory-repository.ts";
import { mailRepository } from "../mail-out/mail-repository.ts";
import { messageIdsIn } from "../mail-out/threading.ts";
import { schema } from "../schema.ts";
import { noiseReason } from "./classify.ts";
import { inboundRepository } from "./inbound-repository.ts";
import { stripReply } from "./strip-reply.ts";

const maxAttachmentBytes = 10 * 1024 * 1024;

/** `[#1042]` anywhere in a subject. */
export const subjectTicketNumber = (subject: string) => {
  const n = subject.match(/\[#(\d{1,9})\]/)?.[1];
  return n ? Number(n) : null;
};

/**
 * Takes one raw MIME mail addressed to `workspaceId`: drops noise (auto-replies, bounces, our own
 * mails) and repeats of a Message-ID already seen, finds the ticket it answers (our thread ids in
 * In-Reply-To/References first, then `[#number]` in the subject), keeps only the new text, and
 * emits `mail.received` through the outbox for the ticket service — all in one transaction.
 */
export async function acceptInboundMail(
  deps: { db: Db; kickRelay: () => void },
  workspaceId: string,
  raw: Buffer | string,
): Promise<TInboundResult> {
  const m = await simpleParser(raw, { skipImageLinks: true });
  const messageId =
    m.messageId?.trim() ||
    `<sha256.${createHash("sha256").update(raw).digest("hex").slice(0, 40)}@inbound.signpost>`;
  const noise = noiseReason(m);
  const from = m.from?.value[0];
  const subject = m.subject ?? "";

  const result = await deps.db.transaction(async (tx): Promise<TInboundResult> => {
    const ids = [...messageIdsIn(m.inReplyTo), ...messageIdsIn(m.references)];
    const ticketNumber =
      (await mailRepository.ticketNumberFor(tx, workspaceId, ids)) ?? subjectTicketNumber(subject);
    const sender = from?.address
      ? await directoryRepository.byEmail(tx, workspaceId, from.address)
      : null;
    const refused =
      !sender && (await mailRepository.settings(tx, workspaceId)).unknown_senders === "refuse";
    const reason = noise ?? (!from?.address ? "no_sender" : refused ? "unknown_sender" : null);
    const fresh = await inboundRepository.record(tx, {
      workspaceId,
      messageId,
      outcome: reason ?? "accepted",
      ticketNumber,
    });
    if (!fresh) return { accepted: false, reason: "duplicate", messageId, ticketNumber };
    if (reason || !from?.address) return { accepted: false, reason, messageId, ticketNumber };

    const text = stripReply(m.text ?? "");
    const attachments = m.attachments
      .filter((a) => a.size <= maxAttachmentBytes)
      .map((a) => ({
        filename: a.filename ?? "attachment",
        contentType: a.contentType,
        size: a.size,
        contentBase64: a.content.toString("base64"),
      }));
    await appendToOutbox(
      tx,
      schema,
      buildEvent("mail.received", {
        workspaceId,
        orgId: sender?.orgId ?? null,
        payload: {
          messageId,
          from: { email: from.address.toLowerCase(), name: from.name || from.address },
          senderId: sender?.userId ?? null,
          subject,
          text,
          ticketNumber,
          attachments,
        },
      }),
    );
    return { accepted: true, reason: null, messageId, ticketNumber };
  });
  if (result.accepted) deps.kickRelay();
  return result;
}
