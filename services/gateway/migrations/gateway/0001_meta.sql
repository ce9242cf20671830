-- Facts about this deployment the gateway must remember across restarts (for example that the
-- demo data was seeded).
create table meta (
  key text primary key,
  value text not null,
  updated_at timestamptz not null default now()
);
