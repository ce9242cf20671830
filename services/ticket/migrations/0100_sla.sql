-- Business-hours calendars: weekly working spans on the wall clock of `time_zone`, and holidays.
create table sla_calendars (
  id uuid primary key,
  workspace_id uuid not null,
  name text not null,
  time_zone text not null,
  hours jsonb not null,
  holidays jsonb not null default '[]',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index sla_calendars_by_workspace on sla_calendars (workspace_id);

-- Targets per priority, optionally narrowed to a category and/or an organization (most specific
-- wins). Minutes may be fractional. No row for a priority means the built-in defaults.
create table sla_policies (
  id uuid primary key,
  workspace_id uuid not null,
  name text not null,
  priority text not null,
  category text,
  org_id uuid,
  first_response_minutes double precision not null,
  resolution_minutes double precision not null,
  calendar_id uuid references sla_calendars (id),
  escalate_raise_priority boolean not null default false,
  escalate_group_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index sla_policies_by_priority on sla_policies (workspace_id, priority);

create table sla_settings (
  workspace_id uuid primary key,
  auto_close_days double precision not null
);

-- One row per ticket: the SLA clock and its outcome. `paused_ms` is counted time (business time
-- on business policies) spent waiting on the customer or resolved; due dates are start + target +
-- paused_ms on the policy's clock. The timer columns work like an outbox: a change sets a new
-- `timer_id` with `timer_enqueued = false`, and a relay enqueues the delayed job after commit.
create table ticket_slas (
  ticket_id uuid primary key references tickets (id) on delete cascade,
  workspace_id uuid not null,
  policy_id uuid,
  calendar_id uuid,
  first_response_minutes double precision not null,
  resolution_minutes double precision not null,
  escalate_raise_priority boolean not null default false,
  escalate_group_id uuid,
  -- What the targets were chosen for: a change of any of these picks the policy again.
  basis_priority text not null,
  basis_category text not null,
  basis_org_id uuid,
  started_at timestamptz not null,
  status_kind text not null,
  status_changed_at timestamptz not null,
  paused_since timestamptz,
  paused_ms double precision not null default 0,
  fr_state text not null default 'pending',
  fr_due_at timestamptz,
  fr_warned boolean not null default false,
  fr_met_at timestamptz,
  fr_breached_at timestamptz,
  res_state text not null default 'pending',
  res_due_at timestamptz,
  res_warned boolean not null default false,
  res_met_at timestamptz,
  res_breached_at timestamptz,
  state text not null,
  due_at timestamptz,
  auto_close_at timestamptz,
  next_check_at timestamptz,
  timer_id uuid,
  timer_enqueued boolean not null default true,
  timer_claimed_until timestamptz,
  updated_at timestamptz not null default now()
);
create index ticket_slas_by_state on ticket_slas (workspace_id, state, due_at);
create index ticket_slas_by_due on ticket_slas (workspace_id, due_at);
create index ticket_slas_unenqueued on ticket_slas (ticket_id) where not timer_enqueued;
create index ticket_slas_fr_outcome on ticket_slas (workspace_id, fr_met_at, fr_breached_at);
create index ticket_slas_res_outcome on ticket_slas (workspace_id, res_met_at, res_breached_at);
