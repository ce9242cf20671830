import type { Migration } from "@signpost/db";

/**
 * The outbox and inbox every service keeps in its own schema. It runs as the service's first
 * migration (the migrator sets the search path to that schema).
 */
export const messagingMigration: Migration = {
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
