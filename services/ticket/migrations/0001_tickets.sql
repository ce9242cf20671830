-- Ticket numbers are per workspace and human-readable (#1001, #1002, ...).
create table ticket_counters (
  workspace_id uuid primary key,
  last_number int not null
);

create table tickets (
  id uuid primary key,
  workspace_id uuid not null,
  number int not null,
  subject text not null,
  description text not null,
  status text not null default 'open',
  priority text not null,
  category text not null,
  requester_id uuid not null,
  org_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  resolved_at timestamptz,
  unique (workspace_id, number)
);
create index tickets_by_org on tickets (workspace_id, org_id, created_at desc);
create index tickets_by_workspace on tickets (workspace_id, created_at desc);
