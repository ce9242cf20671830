-- Per-person notifications. `seq` orders them; `xid` (the writing transaction) lets the live
-- stream hand out rows in an order no later commit can slip in front of: a row is streamed only
-- once every transaction older than its own has finished (see live/notification-cursor.ts).
alter table notifications add column seq bigserial;
alter table notifications add column xid xid8 not null default pg_current_xact_id();
alter table notifications add column body text;
alter table notifications add column ticket_number integer;
create index notifications_stream on notifications (xid, seq);
create index notifications_by_recipient on notifications (workspace_id, recipient_id, seq desc);

-- What each person wants: per kind, in the app and/or by mail. Missing rows mean the defaults.
create table preferences (
  workspace_id uuid not null,
  user_id uuid not null,
  kind text not null,
  in_app boolean not null,
  email boolean not null,
  primary key (user_id, kind)
);

-- A quiet digest gathers a person's staff mails into one mail per period instead of one each.
create table person_settings (
  workspace_id uuid not null,
  user_id uuid primary key,
  digest text not null check (digest in ('off', 'hourly', 'daily'))
);
