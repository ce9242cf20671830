import type { TTicketPriority } from "@signpost/contracts";
import type { WriteBatch } from "../shared/write-batch.ts";
import type { KnownSla } from "./policy-repository.ts";
import type { StatusKind } from "./sla-record.ts";

/** What the SLA engine reads of a ticket (the ticket repository's stored ticket has all of it). */
export interface SlaTicket {
  id: string;
  workspaceId: string;
  number: number;
  subject: string;
  requesterId: string;
  assigneeId: string | null;
  groupId: string | null;
  orgId: string | null;
  status: StatusKind;
  priority: TTicketPriority;
  category: string;
  createdAt: string;
}

/** One change to a ticket, inside the transaction that makes it: the ticket as it is now. */
export interface SlaTicketChange {
  after: SlaTicket;
  /** A public reply by staff: the first one meets the first-response target. */
  publicStaffReply?: boolean;
  /** Set when the ticket is being created: its SLA row goes in with the ticket's own writes. */
  writes?: WriteBatch;
  /** The applicable policy and calendar, when the creation read them with its other rows. */
  knownSla?: KnownSla;
}
