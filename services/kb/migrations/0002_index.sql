create extension if not exists pg_trgm with schema public;

alter table articles add column tags text[] not null default '{}';
alter table articles add column locale text not null default 'en';
alter table articles add column version int not null default 1;
alter table articles add column published_at timestamptz;

-- Every save is a version; restore copies an old one forward as a new version.
create table article_versions (
  article_id uuid not null references articles (id) on delete cascade,
  version int not null,
  title text not null,
  summary text not null,
  body text not null,
  category text not null,
  tags text[] not null,
  visibility text not null,
  edited_by uuid,
  created_at timestamptz not null default now(),
  primary key (article_id, version)
);

-- Searchable pieces of articles and resolved tickets. `visibility` decides who may see one:
-- 'public' (everyone in the workspace), 'internal' (staff), 'org' (staff and that organization).
create table chunks (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null,
  source_kind text not null check (source_kind in ('article', 'ticket')),
  source_id uuid not null,
  org_id uuid,
  visibility text not null check (visibility in ('public', 'internal', 'org')),
  ordinal int not null,
  title text not null,
  heading_path text not null default '',
  content text not null,
  content_hash text not null,
  doc_len int not null,
  tsv tsvector not null,
  embedding vector(512),
  embedding_model text,
  unique (source_kind, source_id, ordinal)
);
create index chunks_tsv on chunks using gin (tsv);
create index chunks_by_source on chunks (source_kind, source_id);
create index chunks_embedding on chunks using hnsw (embedding vector_cosine_ops);

-- Document frequencies per workspace for BM25 (Postgres' own ranking has no IDF).
create table term_df (
  workspace_id uuid not null,
  term text not null,
  df int not null,
  primary key (workspace_id, term)
);
create index term_df_trgm on term_df using gin (term gin_trgm_ops);

-- Articles and tickets waiting for the indexer (the request path only records the wish).
create table index_queue (
  source_kind text not null,
  source_id uuid not null,
  workspace_id uuid not null,
  requested_at timestamptz not null default now(),
  claimed_until timestamptz,
  primary key (source_kind, source_id)
);

-- Impressions, clicks and "this solved it", for deflection and article stats.
create table suggestion_events (
  id bigserial primary key,
  workspace_id uuid not null,
  user_id uuid not null,
  query_id uuid not null,
  kind text not null check (kind in ('impression', 'click', 'solved')),
  source_kind text,
  source_id uuid,
  created_at timestamptz not null default now()
);
create index suggestion_events_by_query on suggestion_events (query_id);

-- A resolved ticket's resolution document, as its event carried it (the KB never reads tickets).
alter table index_requests add column subject text;
alter table index_requests add column body text;
alter table index_requests add column category text;
