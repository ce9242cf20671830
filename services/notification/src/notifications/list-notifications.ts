import { isStaff, type TIdentity } from "@signpost/contracts";
import type { Db } from "@signpost/db";
import { authorize } from "@signpost/policy";
import { notificationRepository } from "./notification-repository.ts";

export async function listNotifications(db: Db, who: TIdentity, limit: number) {
  authorize(who, "notification.read");
  const rows = await notificationRepository.listVisible(db, {
    workspaceId: who.workspaceId,
    userId: who.userId,
    staff: isStaff(who),
    limit,
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    ticketId: r.ticket_id,
    title: r.title,
    createdAt: new Date(r.created_at).toISOString(),
    read: r.read,
  }));
}
