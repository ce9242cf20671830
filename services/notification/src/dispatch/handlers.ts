import type { DomainEvent } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import type { EventHandlers } from "@signpost/queue";
import { onGroupChanged, onUserChanged } from "../directory/on-directory-changed.ts";
import type { DispatchDeps } from "./deliver.ts";
import { onArticleFeedback, onCsat } from "./on-feedback.ts";
import { onInvitationCreated, onPasswordResetRequested } from "./on-identity.ts";
import { onEscalated, onSla } from "./on-sla.ts";
import {
  onAssigned,
  onClosed,
  onMerged,
  onReopened,
  onStatusChanged,
} from "./on-ticket-changed.ts";
import { onTicketCommented } from "./on-ticket-commented.ts";
import { onTicketCreated } from "./on-ticket-created.ts";

/**
 * One handler per event routed to this service; each runs inside the consumer's inbox
 * transaction, so its notifications, mails and webhook deliveries commit with the event's receipt.
 * `after` runs after each (webhook deliveries).
 */
export function eventHandlers(
  deps: DispatchDeps,
  after: (tx: Sql, event: DomainEvent) => Promise<void>,
): EventHandlers {
  const handlers: EventHandlers = {
    "directory.user.changed": onUserChanged,
    "directory.group.changed": onGroupChanged,
    "ticket.created": (tx, e) => onTicketCreated(tx, deps, e),
    "ticket.commented": (tx, e) => onTicketCommented(tx, deps, e),
    "ticket.status_changed": (tx, e) => onStatusChanged(tx, deps, e),
    "ticket.assigned": (tx, e) => onAssigned(tx, deps, e),
    "ticket.reopened": (tx, e) => onReopened(tx, deps, e),
    "ticket.merged": (tx, e) => onMerged(tx, deps, e),
    "ticket.closed": onClosed,
    "ticket.escalated": (tx, e) => onEscalated(tx, deps, e),
    // Nobody is notified of these; they are consumed for staff streams' activity (and webhooks).
    "ticket.updated": async () => {},
    "ticket.resolved": async () => {},
    "sla.warning": (tx, e) => onSla(tx, deps, e),
    "sla.breached": (tx, e) => onSla(tx, deps, e),
    "csat.submitted": (tx, e) => onCsat(tx, deps, e),
    "kb.article.feedback": (tx, e) => onArticleFeedback(tx, deps, e),
    "identity.invitation.created": (tx, e) => onInvitationCreated(tx, deps, e),
    "identity.password_reset.requested": (tx, e) => onPasswordResetRequested(tx, deps, e),
  };
  type AnyHandler = (tx: Sql, event: DomainEvent) => Promise<void>;
  const wrapped: Record<string, AnyHandler> = {};
  for (const [type, handle] of Object.entries(handlers) as [string, AnyHandler][]) {
    wrapped[type] = async (tx, event) => {
      await handle(tx, event);
      await after(tx, event);
    };
  }
  return wrapped;
}
