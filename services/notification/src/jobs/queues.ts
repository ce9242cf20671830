/** The notification service's own work queues (besides its event queue). */
export const queues = {
  mail: "notification.mail",
  webhook: "notification.webhook",
  digest: "notification.digest",
} as const;
