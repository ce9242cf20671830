import nodemailer from "nodemailer";

export interface OutgoingMail {
  id: string;
  from: string;
  replyTo: string | null;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
}

/** Sends mail over SMTP, or — with no SMTP configured — keeps it for the development mailbox. */
export interface Mailer {
  readonly kind: "smtp" | "capture";
  /** Resolves once the server accepted the mail; throws when it did not. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function createMailer(smtpUrl: string | undefined): Mailer {
  if (!smtpUrl) return { kind: "capture", send: async () => undefined, close: () => undefined };
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    kind: "smtp",
    async send(m) {
      await transport.sendMail({
        from: m.from,
        to: m.to,
        ...(m.replyTo ? { replyTo: m.replyTo } : {}),
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: m.messageId,
        ...(m.inReplyTo ? { inReplyTo: m.inReplyTo } : {}),
        ...(m.references.length ? { references: m.references } : {}),
        headers: {
          // RFC 3834: auto-responders must not answer, which stops mail loops at the source.
          "Auto-Submitted": "auto-generated",
          "X-Signpost-Mail-Id": m.id,
        },
      });
    },
    close: () => transport.close(),
  };
}
