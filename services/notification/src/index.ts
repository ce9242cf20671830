export { createNotificationService } from "./service.ts";
export type { NotificationRouter } from "./router.ts";
export { notificationRouter } from "./router.ts";
