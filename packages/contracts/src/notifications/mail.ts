import { z } from "zod";

export const ZMailStatus = z.enum(["queued", "held", "sending", "sent", "captured", "dead"]);

/** A mail as the admins' development mailbox and dead-letter list show it. */
export const ZMailMessage = z.object({
  id: z.uuid(),
  to: z.string(),
  template: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  messageId: z.string(),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  ticketNumber: z.number().int().nullable(),
  status: ZMailStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  sentAt: z.iso.datetime({ offset: true }).nullable(),
});
export type TMailMessage = z.infer<typeof ZMailMessage>;

export const ZListMailInput = z
  .object({
    status: ZMailStatus.optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .default({ limit: 50 });

export const ZMailSettings = z.object({
  /** Where customers write to; inbound mail to it opens or answers tickets. */
  supportAddress: z.string().nullable(),
  fromName: z.string().nullable(),
  /** Mail from addresses nobody in the workspace has: open tickets (new contacts) or refuse. */
  unknownSenders: z.enum(["accept", "refuse"]),
});

export const ZUpdateMailSettingsInput = z.object({
  supportAddress: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.email({ error: "must be a valid email address" }))
    .nullable()
    .optional(),
  fromName: z.string().trim().min(1).max(80).nullable().optional(),
  unknownSenders: z.enum(["accept", "refuse"]).optional(),
});

/** What the inbound endpoint made of a raw mail. */
export const ZInboundResult = z.object({
  accepted: z.boolean(),
  /** Why it was ignored, when it was: auto_reply, bounce, own_mail, duplicate, unknown_sender. */
  reason: z.string().nullable(),
  messageId: z.string(),
  ticketNumber: z.number().int().nullable(),
});
export type TInboundResult = z.infer<typeof ZInboundResult>;
