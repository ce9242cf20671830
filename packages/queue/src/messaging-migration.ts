import type { Migration } from "@signpost/db";

/**
 * The outbox and inbox every service keeps in its own schema. They run as the service's first
 * migrations (the migrator sets the search path to that schema).
 */
const messagingTables: Migration = {
  id: "0000_messaging",
  sql: `
create table outbox (
  seq bigserial primary key,
  id uuid not null unique,
  type text not null,
  envelope jsonb not null,
  created_at timestamptz not null default now(),
  claimed_until timestamptz,
  published_at timestamptz
);
create index outbox_unpublished on outbox (seq) where published_at is null;

-- Handled event ids: an event delivered twice has no second effect.
create table inbox (
  event_id uuid primary key,
  type text not null,
  handled_at timestamptz not null default now()
);
`,
};

/**
 * Room on each outbox page for the relay's lease. `claimed_until` is in no index, so with room
 * beside the row the claim is a HOT update: written in place, with no new index entries. Packed
 * full, as fresh rows are, every claim moved the row to another page with new entries in all
 * three indexes, which made the outbox the second-largest writer of a ticket's creation (WAL per
 * created ticket in `pnpm bench:tickets`: 2.2 KB for the outbox heap, 1.2 KB with room).
 */
const outboxRoom: Migration = {
  id: "0000_messaging_outbox_room",
  sql: "alter table outbox set (fillfactor = 50);",
};

export const messagingMigrations: readonly Migration[] = [messagingTables, outboxRoom];
