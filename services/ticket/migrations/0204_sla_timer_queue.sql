-- The SLA timers not yet on the queue, apart from the SLA rows: the timer relay reads this small
-- table instead of a partial index on `timer_enqueued`, so no index names that column any more and
-- marking a timer queued is a HOT update beside the row (its page has room: 0203). Before, every
-- created ticket's SLA row was copied a second time, with new entries in all eight of its indexes.
-- No SLA row is written while this runs (the lock is held to the end of the migrations), so the
-- triggers and the backfill below see every row exactly once.
lock table ticket_slas in share row exclusive mode;

create table sla_timer_queue (
  ticket_id uuid primary key,
  queued_at timestamptz not null default now()
);

-- Kept by triggers, so every writer of SLA rows keeps it (a replica of the version before this
-- one during a rolling deploy too), with a statement or two per statement of SLA rows, not per row.
create function sla_timer_queue_on_insert() returns trigger language plpgsql as $$
begin
  insert into ticket.sla_timer_queue (ticket_id)
    select ticket_id from new_slas where not timer_enqueued
    on conflict do nothing;
  return null;
end $$;
create function sla_timer_queue_on_update() returns trigger language plpgsql as $$
begin
  delete from ticket.sla_timer_queue q using new_slas s
   where q.ticket_id = s.ticket_id and s.timer_enqueued;
  insert into ticket.sla_timer_queue (ticket_id)
    select ticket_id from new_slas where not timer_enqueued
    on conflict do nothing;
  return null;
end $$;
create function sla_timer_queue_on_delete() returns trigger language plpgsql as $$
begin
  delete from ticket.sla_timer_queue q using old_slas s where q.ticket_id = s.ticket_id;
  return null;
end $$;
create trigger sla_timer_queue_on_insert after insert on ticket_slas
  referencing new table as new_slas for each statement execute function sla_timer_queue_on_insert();
create trigger sla_timer_queue_on_update after update on ticket_slas
  referencing new table as new_slas for each statement execute function sla_timer_queue_on_update();
create trigger sla_timer_queue_on_delete after delete on ticket_slas
  referencing old table as old_slas for each statement execute function sla_timer_queue_on_delete();

insert into sla_timer_queue (ticket_id, queued_at)
  select ticket_id, updated_at from ticket_slas where not timer_enqueued
  on conflict do nothing;

-- A replica of the version before this one, still running during a rolling deploy, then finds
-- its unqueued timers by scanning until the deploy ends.
drop index ticket_slas_unenqueued;
