import type { Db } from "@signpost/db";

/** What the ticket use-cases need from the outside world. */
export interface TicketDeps {
  db: Db;
  /** Asks the outbox relay to publish now instead of at its next poll. */
  kickRelay: () => void;
}
