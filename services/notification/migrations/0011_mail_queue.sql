-- The mails still to go out, apart from the mails themselves: a mail queued or being sent has a
-- row here, and loses it once sent, captured or given up on (held digest items never have one).
-- The mail relay and the lost-job sweep read this small table, so no index of a mail names its
-- status any more, and claiming, sending or capturing it is a HOT update beside itself (its page
-- has room: 0010). Before, every change of its status wrote another copy of the 2 KB row with new
-- entries in all eight of its indexes.
--
-- No mail is written while this runs (the lock is held to the end of the migrations), so the
-- triggers and the backfill below see every mail exactly once.
lock table mail_messages in share row exclusive mode;

create table mail_queue (
  mail_id uuid primary key,
  created_at timestamptz not null default now(),
  -- When a job carrying the mail was last put on the queue; null until the relay has done so.
  enqueued_at timestamptz
);
create index mail_queue_to_enqueue on mail_queue (created_at) where enqueued_at is null;
create index mail_queue_by_enqueued on mail_queue (enqueued_at);

-- Kept by triggers, so every writer of mails keeps it (a replica of the version before this one
-- during a rolling deploy too), with a few statements per statement of mails, not per mail. A
-- mail back in the queue after a failed try counts as just put on it, as the lost-job sweep sees
-- it; a dead one an admin revived has lost its row, so it is new to the relay and waits from then.
create function mail_queue_on_insert() returns trigger language plpgsql as $$
begin
  insert into notification.mail_queue (mail_id, created_at)
    select id, created_at from new_mails where status in ('queued', 'sending')
    on conflict do nothing;
  return null;
end $$;
create function mail_queue_on_update() returns trigger language plpgsql as $$
begin
  delete from notification.mail_queue q using new_mails m
   where q.mail_id = m.id and m.status not in ('queued', 'sending');
  insert into notification.mail_queue (mail_id)
    select id from new_mails where status = 'queued'
    on conflict (mail_id) do update set enqueued_at = now();
  insert into notification.mail_queue (mail_id)
    select id from new_mails where status = 'sending'
    on conflict do nothing;
  return null;
end $$;
create function mail_queue_on_delete() returns trigger language plpgsql as $$
begin
  delete from notification.mail_queue q using old_mails m where q.mail_id = m.id;
  return null;
end $$;
create trigger mail_queue_on_insert after insert on mail_messages
  referencing new table as new_mails for each statement execute function mail_queue_on_insert();
create trigger mail_queue_on_update after update on mail_messages
  referencing new table as new_mails for each statement execute function mail_queue_on_update();
create trigger mail_queue_on_delete after delete on mail_messages
  referencing old table as old_mails for each statement execute function mail_queue_on_delete();

insert into mail_queue (mail_id, created_at, enqueued_at)
  select id, created_at, enqueued_at from mail_messages where status in ('queued', 'sending')
  on conflict do nothing;

-- Each of these named the status in its condition, which made every status change a full copy.
-- A replica of the version before this one, still running during a rolling deploy, then reads
-- its unsent mails by scanning, and may queue a mail again (the same job id: a no-op) or a retry
-- early; both end with the deploy.
drop index mail_messages_to_enqueue;
drop index mail_messages_unsent;
drop index mail_messages_queued_since;
drop index mail_messages_held;
-- Only digest items have a key: a small index to build.
create index mail_messages_by_digest on mail_messages (digest_key) where digest_key is not null;
-- `mail_messages.enqueued_at` is no longer written or read (mail_queue.enqueued_at is); it goes in
-- a later release, once no replica of the version before this one can still be reading it.
