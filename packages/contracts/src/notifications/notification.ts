import { z } from "zod";

/** What a notification is about; preferences are set per kind. */
export const notificationKinds = [
  "ticket.created",
  "ticket.acknowledged",
  "ticket.assigned",
  "ticket.customer_replied",
  "ticket.replied",
  "ticket.status_changed",
  "ticket.reopened",
  "ticket.merged",
  "ticket.escalated",
  "mention",
  "sla.warning",
  "sla.breached",
  "csat.received",
  "article.feedback",
] as const;
export const ZNotificationKind = z.enum(notificationKinds);
export type TNotificationKind = z.infer<typeof ZNotificationKind>;

export const ZNotification = z.object({
  id: z.uuid(),
  kind: z.string(),
  ticketId: z.uuid().nullable(),
  ticketNumber: z.number().int().nullable().optional(),
  title: z.string(),
  /** A short excerpt (a public reply's first lines); never internal-note text. */
  body: z.string().nullable().optional(),
  createdAt: z.iso.datetime({ offset: true }),
  read: z.boolean(),
  /** Where this item sits in the person's live stream: pass it as `after` to resume behind it. */
  cursor: z.string().optional(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZListNotificationsInput = z
  .object({
    limit: z.number().int().min(1).max(100).default(50),
    unreadOnly: z.boolean().default(false),
  })
  .default({ limit: 50, unreadOnly: false });

export const ZMarkReadInput = z.object({ ids: z.array(z.uuid()).min(1).max(200) });
export const ZUnreadCount = z.object({ unread: z.number().int().nonnegative() });
