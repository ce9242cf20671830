import type { EventType } from "./catalog.ts";

export const serviceNames = ["ticket", "kb", "notification"] as const;
export type ServiceName = (typeof serviceNames)[number];

/**
 * Which service consumes which event types. Routing is declared here rather than by consumers at
 * run time so an event published while a consumer is down still waits in that consumer's queue.
 */
export const eventSubscriptions: Record<ServiceName, readonly EventType[]> = {
  ticket: ["directory.user.changed", "directory.group.changed", "mail.received"],
  kb: ["ticket.resolved"],
  notification: [
    "ticket.created",
    "ticket.status_changed",
    "ticket.assigned",
    "ticket.commented",
    "ticket.reopened",
    "ticket.closed",
    "ticket.merged",
    "ticket.escalated",
    "sla.warning",
    "sla.breached",
    "csat.submitted",
    "kb.article.feedback",
    "directory.user.changed",
    "directory.group.changed",
    "identity.invitation.created",
    "identity.password_reset.requested",
    "ticket.updated",
    "ticket.resolved",
  ],
};

/** The queue a service's event consumer reads. */
export const eventQueueOf = (service: ServiceName) => `events.${service}`;

/** The queues an event of `type` is delivered to, one per subscribing service. */
export function queuesFor(type: string): string[] {
  return serviceNames
    .filter((s) => (eventSubscriptions[s] as readonly string[]).includes(type))
    .map(eventQueueOf);
}
