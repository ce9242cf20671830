import { z } from "zod";
import { defineEvent } from "./envelope.ts";

/**
 * A customer mail accepted by the notification service (parsed, de-noised, quoted history and
 * signature stripped) for the ticket service to turn into a ticket or a public comment.
 */
export const mailReceivedV1 = defineEvent(
  "mail.received",
  1,
  z.object({
    messageId: z.string().min(1),
    from: z.object({ email: z.string(), name: z.string() }),
    /** The sender as a known person of the workspace, when the directory knows the address. */
    senderId: z.uuid().nullable(),
    subject: z.string(),
    text: z.string(),
    /** The ticket the mail answers, found from In-Reply-To/References or `[#number]`. */
    ticketNumber: z.number().int().positive().nullable(),
    attachments: z.array(
      z.object({
        filename: z.string(),
        contentType: z.string(),
        size: z.number().int().nonnegative(),
        /** Base64 content; the ticket service applies its own attachment limits. */
        contentBase64: z.string(),
      }),
    ),
  }),
);
