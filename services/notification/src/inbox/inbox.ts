import type { TIdentity, TNotification } from "@signpost/contracts";
import type { Db } from "@signpost/db";
import { authorize } from "@signpost/policy";
import { notificationRepository } from "./notification-repository.ts";
import { readerOf } from "./reader.ts";
import { toNotification } from "./to-dto.ts";

/** The caller's notifications, newest first. */
export async function listNotifications(
  db: Db,
  who: TIdentity,
  opts: { limit: number; unreadOnly: boolean },
): Promise<TNotification[]> {
  authorize(who, "notification.read");
  const rows = await notificationRepository.list(db, readerOf(who), opts);
  return rows.map(toNotification);
}

export async function unreadCount(db: Db, who: TIdentity): Promise<{ unread: number }> {
  authorize(who, "notification.read");
  return { unread: await notificationRepository.unreadCount(db, readerOf(who)) };
}

/** Marks some (or, with null, all) of the caller's notifications read; returns the unread left. */
export async function markRead(
  db: Db,
  who: TIdentity,
  ids: readonly string[] | null,
): Promise<{ unread: number }> {
  authorize(who, "notification.read");
  await notificationRepository.markRead(db, readerOf(who), ids);
  return unreadCount(db, who);
}
