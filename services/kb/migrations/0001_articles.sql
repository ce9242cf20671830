-- Extensions live in public so every schema's queries see their types and functions.
create extension if not exists vector with schema public;

create table articles (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null,
  slug text not null,
  title text not null,
  summary text not null default '',
  body text not null,
  category text not null default 'general',
  visibility text not null default 'public' check (visibility in ('public', 'internal')),
  status text not null default 'draft' check (status in ('draft', 'published', 'archived')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, slug)
);

-- Resolved tickets waiting to be embedded into the suggestion index (done off the request path).
create table index_requests (
  ticket_id uuid primary key,
  workspace_id uuid not null,
  org_id uuid,
  ticket_number int not null,
  event_id uuid not null,
  requested_at timestamptz not null default now(),
  indexed_at timestamptz
);
create index index_requests_pending on index_requests (requested_at) where indexed_at is null;
