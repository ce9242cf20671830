import type { TNotification } from "@signpost/contracts";
import { formatCursor } from "./cursor.ts";
import type { NotificationRow } from "./notification-repository.ts";

export const toNotification = (r: NotificationRow): TNotification => ({
  id: r.id,
  kind: r.kind,
  ticketId: r.ticket_id,
  ticketNumber: r.ticket_number,
  title: r.title,
  body: r.body,
  createdAt: new Date(r.created_at).toISOString(),
  read: r.read,
  cursor: formatCursor(r),
});
