-- Versions of what the consumer looks up for every event (the directory, preferences, webhook
-- endpoints), so a replica may keep those lookups in memory and still never use one that a commit
-- has since changed: each transaction reads these versions once and uses only cached values read
-- at the same versions. A statement that writes a table takes a fresh number from a sequence,
-- which a rollback never hands out again, so a version always names one committed state.
create sequence projection_version_seq;
create table projection_versions (
  name text primary key,
  version bigint not null
);
-- 'database' tells apart databases served by one process (tests), whose versions may coincide.
insert into projection_versions (name, version) values
  ('database', (random() * 9e15)::bigint),
  ('directory', nextval('projection_version_seq')),
  ('preferences', nextval('projection_version_seq')),
  ('webhooks', nextval('projection_version_seq'));

create function bump_projection_version() returns trigger language plpgsql as $$
begin
  update notification.projection_versions
     set version = nextval('notification.projection_version_seq')
   where name = tg_argv[0];
  return null;
end $$;

create trigger directory_people_version after insert or update or delete on directory_people
  for each statement execute function bump_projection_version('directory');
create trigger directory_groups_version after insert or update or delete on directory_groups
  for each statement execute function bump_projection_version('directory');
create trigger preferences_version after insert or update or delete on preferences
  for each statement execute function bump_projection_version('preferences');
create trigger person_settings_version after insert or update or delete on person_settings
  for each statement execute function bump_projection_version('preferences');
create trigger webhook_endpoints_version after insert or update or delete on webhook_endpoints
  for each statement execute function bump_projection_version('webhooks');
