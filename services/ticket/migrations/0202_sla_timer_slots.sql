-- SLA timers share a job per second they fall due in, and that job reads the timers due by then.
create index ticket_slas_next_check on ticket_slas (next_check_at, ticket_id) where timer_id is not null;
-- `timer_stale_id` is no longer written: a replaced timer's job finds its timer moved and does
-- nothing, so nothing is cancelled. The column goes in a later release, once no replica of the
-- version before this one can still be writing it during a rolling deploy.
