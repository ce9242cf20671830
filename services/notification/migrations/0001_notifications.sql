-- In-app notifications. `audience` is who sees one: 'agents' (every agent of the workspace) or
-- 'user' (just recipient_id). Per-person fan-out with preferences comes with the staff directory.
create table notifications (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null,
  audience text not null check (audience in ('agents', 'user')),
  recipient_id uuid,
  kind text not null,
  ticket_id uuid,
  title text not null,
  event_id uuid not null,
  created_at timestamptz not null default now(),
  unique (event_id, audience, recipient_id)
);
create index notifications_by_workspace on notifications (workspace_id, created_at desc);

create table notification_reads (
  notification_id uuid not null references notifications (id) on delete cascade,
  user_id uuid not null,
  read_at timestamptz not null default now(),
  primary key (notification_id, user_id)
);
