-- The SLA timers not yet on the queue, apart from the SLA rows: the timer relay reads this small
-- table instead of a partial index on `timer_enqueued`, so no index names that column any more and
-- marking a timer queued is a HOT update beside the row (its page has room: 0203). Before, every
-- created ticket's SLA row was copied a second time, with new entries in all eight of its indexes.
create table sla_timer_queue (
  ticket_id uuid primary key,
  queued_at timestamptz not null default now()
);
insert into sla_timer_queue (ticket_id, queued_at)
  select ticket_id, updated_at from ticket_slas where not timer_enqueued;

-- Kept by triggers, so every writer of SLA rows keeps it (a replica of the version before this
-- one during a rolling deploy too), one statement per statement of SLA rows.
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

drop index ticket_slas_unenqueued;
