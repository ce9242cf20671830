import type { Db } from "@signpost/db";
import { router } from "@signpost/service-kit";
import { notificationsRouter } from "./notifications/notifications-router.ts";

export const notificationRouter = (db: Db) => router({ notifications: notificationsRouter(db) });

/** The only thing `web/` takes from this service: the router's type. */
export type NotificationRouter = ReturnType<typeof notificationRouter>;
