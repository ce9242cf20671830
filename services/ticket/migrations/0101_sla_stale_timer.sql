-- The job a new timer replaced, for the timer relay to cancel (a stale job that ran anyway would
-- only find nothing to do; cancelling keeps the delayed-job queue from filling with them).
alter table ticket_slas add column timer_stale_id uuid;
