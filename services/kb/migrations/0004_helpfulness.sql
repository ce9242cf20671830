-- The resolution document's parts, so a resolved ticket can become a draft article (question, answer).
alter table index_requests add column description text;
alter table index_requests add column resolution text;

-- Article reads in the help center and in the app (one row per view; counted for stats).
create table article_views (
  id bigserial primary key,
  workspace_id uuid not null,
  article_id uuid not null references articles (id) on delete cascade,
  created_at timestamptz not null default now()
);
create index article_views_by_article on article_views (article_id);

-- "Did this help?" answers, with an optional comment for the editors.
create table article_feedback (
  id bigserial primary key,
  workspace_id uuid not null,
  article_id uuid not null references articles (id) on delete cascade,
  user_id uuid,
  helpful boolean not null,
  comment text,
  created_at timestamptz not null default now()
);
create index article_feedback_by_article on article_feedback (article_id);

-- Tickets an agent answered with an article (the KB never reads tickets; it keeps the id).
create table article_ticket_links (
  workspace_id uuid not null,
  article_id uuid not null references articles (id) on delete cascade,
  ticket_id uuid not null,
  linked_by uuid not null,
  created_at timestamptz not null default now(),
  primary key (article_id, ticket_id)
);

-- What people typed and how well the best suggestion matched, for the editors' gap report.
create table suggestion_queries (
  query_id uuid primary key,
  workspace_id uuid not null,
  user_id uuid not null,
  text text not null,
  results int not null,
  best_similarity real not null,
  created_at timestamptz not null default now()
);
create index suggestion_queries_by_workspace on suggestion_queries (workspace_id, created_at);
create index suggestion_events_by_source on suggestion_events (source_id, kind);
