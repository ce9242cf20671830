-- The people and groups of each workspace as the gateway announces them (directory.* events).
-- Recipients are resolved from here; `changed_at` is the event's time, so an older event that
-- arrives late never overwrites a newer state.
create table directory_people (
  workspace_id uuid not null,
  user_id uuid primary key,
  email text not null,
  name text not null,
  roles text[] not null,
  org_id uuid,
  active boolean not null,
  changed_at timestamptz not null
);
create index directory_people_by_email on directory_people (workspace_id, lower(email));

create table directory_groups (
  workspace_id uuid not null,
  group_id uuid primary key,
  name text not null,
  member_ids uuid[] not null,
  deleted boolean not null,
  changed_at timestamptz not null
);
