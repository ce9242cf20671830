-- Admin-registered webhook endpoints. The secret signs deliveries; it is shown once at creation.
create table webhook_endpoints (
  id uuid primary key,
  workspace_id uuid not null,
  url text not null,
  event_types text[] not null,
  secret text not null,
  active boolean not null default true,
  created_at timestamptz not null default now()
);
create index webhook_endpoints_by_workspace on webhook_endpoints (workspace_id);

-- One delivery per endpoint and event (unique: a redelivered event queues nothing new).
create table webhook_deliveries (
  id uuid primary key,
  workspace_id uuid not null,
  endpoint_id uuid not null references webhook_endpoints (id) on delete cascade,
  event_id uuid not null,
  event_type text not null,
  body text not null,
  status text not null check (status in ('queued', 'delivered', 'dead')),
  attempts integer not null default 0,
  last_status_code integer,
  -- Bumped when an admin retries a dead one, so the queue takes it as a new job.
  revision integer not null default 0,
  claimed_until timestamptz,
  enqueued_at timestamptz,
  delivered_at timestamptz,
  created_at timestamptz not null default now(),
  unique (endpoint_id, event_id)
);
create index webhook_deliveries_to_enqueue on webhook_deliveries (created_at) where status = 'queued' and enqueued_at is null;

-- Every attempt with what the endpoint answered and how long it took.
create table webhook_attempts (
  delivery_id uuid not null references webhook_deliveries (id) on delete cascade,
  attempt integer not null,
  status_code integer,
  latency_ms integer not null,
  error text,
  at timestamptz not null default now(),
  primary key (delivery_id, attempt)
);
