export { createNotificationService, type NotificationService } from "./service.ts";
export type { NotificationOptions } from "./deps.ts";
export type { NotificationRouter } from "./router.ts";
export { notificationRouter } from "./router.ts";
export { verifySignature } from "./webhooks/signature.ts";
