import type { TNotificationKind } from "@signpost/contracts";

/**
 * What a person gets when they have set nothing. Noisy staff kinds (every new ticket, feedback)
 * stay in the app; what someone must act on (assignment, mention, SLA) also comes by mail.
 */
export const defaultPreferences: Record<TNotificationKind, { inApp: boolean; email: boolean }> = {
  "ticket.created": { inApp: true, email: false },
  "ticket.acknowledged": { inApp: false, email: true },
  "ticket.assigned": { inApp: true, email: true },
  "ticket.customer_replied": { inApp: true, email: true },
  "ticket.replied": { inApp: true, email: true },
  "ticket.status_changed": { inApp: true, email: true },
  "ticket.reopened": { inApp: true, email: false },
  "ticket.merged": { inApp: true, email: true },
  "ticket.escalated": { inApp: true, email: true },
  mention: { inApp: true, email: true },
  "sla.warning": { inApp: true, email: true },
  "sla.breached": { inApp: true, email: true },
  "csat.received": { inApp: true, email: false },
  "article.feedback": { inApp: true, email: false },
};
