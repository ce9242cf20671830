-- The full ticket lifecycle: fields, custom statuses, thread, attachments, links, audit, routing,
-- macros, CSAT and saved views. `status` stays the kind (one of five) so every query and index can
-- reason about it; `status_key` is the workspace's own status mapped to that kind.
alter table tickets
  add column status_key text not null default 'open',
  add column tags text[] not null default '{}',
  add column source text not null default 'portal',
  add column assignee_id uuid,
  add column group_id uuid,
  add column collaborator_ids uuid[] not null default '{}',
  add column custom_fields jsonb not null default '{}',
  add column first_response_at timestamptz,
  add column closed_at timestamptz,
  add column close_reason text,
  add column merged_into_id uuid,
  add column resolution_count int not null default 0,
  add column inbound_message_id text,
  add column priority_rank smallint generated always as (
    case priority when 'urgent' then 4 when 'high' then 3 when 'medium' then 2 else 1 end
  ) stored,
  add column search tsvector generated always as (
    setweight(to_tsvector('english', coalesce(subject, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(description, '')), 'B')
  ) stored;

update tickets set status_key = status;

-- One mail opens at most one ticket.
create unique index tickets_inbound_message on tickets (workspace_id, inbound_message_id)
  where inbound_message_id is not null;
-- List filters: each leads with the workspace and ends in the default sort so a filtered page is an
-- index range scan.
create index tickets_by_status on tickets (workspace_id, status, created_at desc, id desc);
create index tickets_by_assignee on tickets (workspace_id, assignee_id, status, created_at desc);
create index tickets_by_group on tickets (workspace_id, group_id, created_at desc);
create index tickets_by_requester on tickets (workspace_id, requester_id, created_at desc);
create index tickets_by_category on tickets (workspace_id, category, created_at desc);
create index tickets_by_priority on tickets (workspace_id, priority_rank, created_at desc);
create index tickets_by_updated on tickets (workspace_id, updated_at desc, id desc);
create index tickets_tags on tickets using gin (tags);
create index tickets_search on tickets using gin (search);

create table ticket_statuses (
  workspace_id uuid not null,
  key text not null,
  label text not null,
  kind text not null,
  position int not null default 0,
  primary key (workspace_id, key)
);

create table ticket_categories (
  workspace_id uuid not null,
  key text not null,
  label text not null,
  active boolean not null default true,
  primary key (workspace_id, key)
);

create table ticket_field_defs (
  workspace_id uuid not null,
  key text not null,
  label text not null,
  type text not null,
  options text[] not null default '{}',
  required boolean not null default false,
  active boolean not null default true,
  primary key (workspace_id, key)
);

-- One thread model: `parent_type` lets other things (tasks, problems) carry comments later.
create table comments (
  id uuid primary key,
  workspace_id uuid not null,
  parent_type text not null default 'ticket',
  parent_id uuid not null,
  author_id uuid,
  author_name text not null default '',
  author_is_staff boolean not null,
  visibility text not null,
  body text not null,
  mentioned_ids uuid[] not null default '{}',
  inbound_message_id text,
  created_at timestamptz not null default now(),
  edited_at timestamptz,
  deleted_at timestamptz
);
create index comments_by_parent on comments (workspace_id, parent_type, parent_id, created_at);
create unique index comments_inbound_message on comments (workspace_id, inbound_message_id)
  where inbound_message_id is not null;

create table attachments (
  id uuid primary key,
  workspace_id uuid not null,
  ticket_id uuid not null,
  comment_id uuid,
  uploaded_by uuid,
  filename text not null,
  content_type text not null,
  size bigint not null,
  storage_key text not null,
  created_at timestamptz not null default now()
);
create index attachments_by_comment on attachments (comment_id);
create index attachments_by_ticket on attachments (workspace_id, ticket_id);

create table ticket_links (
  workspace_id uuid not null,
  ticket_id uuid not null,
  other_id uuid not null,
  kind text not null,
  created_at timestamptz not null default now(),
  primary key (ticket_id, other_id, kind)
);

create table audit_log (
  seq bigserial primary key,
  workspace_id uuid not null,
  ticket_id uuid,
  actor_id uuid,
  action text not null,
  changes jsonb not null default '[]',
  created_at timestamptz not null default now()
);
create index audit_by_ticket on audit_log (workspace_id, ticket_id, seq);

-- The gateway owns people and groups; this is the projection its directory events keep current.
create table directory_people (
  user_id uuid primary key,
  workspace_id uuid not null,
  email text not null,
  name text not null,
  roles text[] not null,
  org_id uuid,
  active boolean not null
);
create index directory_people_by_email on directory_people (workspace_id, lower(email));

create table directory_groups (
  group_id uuid primary key,
  workspace_id uuid not null,
  name text not null,
  member_ids uuid[] not null default '{}',
  deleted boolean not null default false
);

-- Routing settings the ticket service owns: who is away, how much each agent may hold, who was
-- assigned last (round-robin), which category goes to which group.
create table agent_settings (
  user_id uuid primary key,
  workspace_id uuid not null,
  away boolean not null default false,
  capacity int,
  last_assigned_at timestamptz
);

create table category_routes (
  workspace_id uuid not null,
  category text not null,
  group_id uuid not null,
  primary key (workspace_id, category)
);

create table macros (
  id uuid primary key,
  workspace_id uuid not null,
  name text not null,
  body text not null,
  visibility text not null default 'public',
  actions jsonb not null default '{}',
  created_by uuid not null,
  created_at timestamptz not null default now()
);
create index macros_by_workspace on macros (workspace_id, name);

create table ticket_templates (
  id uuid primary key,
  workspace_id uuid not null,
  name text not null,
  subject text not null,
  description text not null,
  category text not null,
  priority text not null,
  tags text[] not null default '{}',
  created_at timestamptz not null default now()
);
create index templates_by_workspace on ticket_templates (workspace_id, name);

create table csat_ratings (
  id uuid primary key,
  workspace_id uuid not null,
  ticket_id uuid not null,
  resolution int not null,
  requester_id uuid not null,
  rating int not null,
  comment text,
  created_at timestamptz not null default now(),
  unique (ticket_id, resolution)
);

create table saved_views (
  id uuid primary key,
  workspace_id uuid not null,
  owner_id uuid not null,
  name text not null,
  query jsonb not null,
  created_at timestamptz not null default now()
);
create index saved_views_by_owner on saved_views (workspace_id, owner_id, name);
