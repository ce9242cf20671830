import type { TTicketPriority } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import type { SlaTicket } from "../sla/sla-ticket.ts";

/**
 * What the timers do to tickets, through the ticket use-cases (so every change is audited, emits
 * its events and runs the hooks, the SLA's included), inside the timer's transaction.
 */
export interface TicketAutomation {
  /** Locks the ticket for the timer's transaction. */
  lock(tx: Sql, workspaceId: string, ticketId: string): Promise<SlaTicket | null>;
  /** Raises the priority and/or moves the ticket to a group; records `ticket.escalated`. */
  escalate(
    tx: Sql,
    ticket: SlaTicket,
    to: { priority: TTicketPriority; groupId: string | null },
    reason: string,
  ): Promise<void>;
  /** Closes a resolved ticket with reason `auto_close`. */
  autoClose(tx: Sql, ticket: SlaTicket): Promise<void>;
}

const ladder: readonly TTicketPriority[] = ["low", "medium", "high", "urgent"];

/** One step up, capped at urgent. */
export const raised = (p: TTicketPriority): TTicketPriority =>
  ladder[Math.min(ladder.indexOf(p) + 1, ladder.length - 1)] ?? p;
