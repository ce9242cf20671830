-- Drafts offered to agents and which of their sources were used, to learn which articles help.
create table drafts (
  id uuid primary key,
  workspace_id uuid not null,
  ticket_id uuid not null,
  agent_id uuid not null,
  generated_by text not null,
  source_ids uuid[] not null,
  used_source_ids uuid[],
  created_at timestamptz not null default now(),
  used_at timestamptz
);
create index drafts_by_ticket on drafts (workspace_id, ticket_id);
