import type { Db, Sql } from "@signpost/db";
import type { AttachmentStorage } from "./attachments/storage.ts";
import type { StoredTicket } from "./tickets/ticket-repository.ts";
import type { Actor } from "./shared/actor.ts";
import type { WriteBatch } from "./shared/write-batch.ts";
import type { KnownSla } from "./sla/policy-repository.ts";

/** A change to a ticket, as the hooks see it, inside the transaction that makes it. */
export interface TicketChange {
  before: StoredTicket | null;
  after: StoredTicket;
  actor: Actor;
  /** What happened: `created`, `status`, `priority`, `assigned`, `updated`, `commented`, ... */
  cause: string;
  /** For `commented`: whether it was a public staff reply (a first response, for SLAs). */
  publicStaffReply?: boolean;
  /**
   * Set for `created`: the ticket's row is not written yet. It is written with these writes, in one
   * statement after the hooks ran, so a hook adds its rows here rather than querying for the ticket.
   * That statement may be the whole change (no transaction around it): a hook may read through
   * `tx` but must write only through `writes`.
   */
  writes?: WriteBatch;
  /** Set for `created`: the SLA policy that applies, read with the rest of the opening context. */
  knownSla?: KnownSla;
}

/**
 * Extension points called in the transaction of every ticket change (the SLA engine recomputes due
 * dates here). A hook that throws rolls the change back.
 */
export interface TicketHooks {
  onTicketChanged?(tx: Sql, change: TicketChange): Promise<void>;
}

export interface AttachmentLimits {
  maxBytes: number;
  maxPerComment: number;
}

/** What the ticket use-cases need from the outside world. */
export interface TicketDeps {
  db: Db;
  /** Asks the outbox relay to publish now instead of at its next poll. */
  kickRelay: () => void;
  storage: AttachmentStorage;
  attachmentLimits: AttachmentLimits;
  hooks: TicketHooks[];
}

/** Runs every hook for one change. */
export async function runHooks(deps: TicketDeps, tx: Sql, change: TicketChange): Promise<void> {
  for (const h of deps.hooks) await h.onTicketChanged?.(tx, change);
}
