-- The queue's common filtered pages as index range scans in their sort order (measured by
-- `pnpm bench:tickets` on 100k tickets): "open, urgent first" walked the priority index and threw
-- away four rows in five; "billing + high" read every billing ticket to find the high ones. The
-- search builds `column = $n` for a single value so these indexes also give the order.
create index tickets_by_status_priority
  on tickets (workspace_id, status, priority_rank desc, created_at desc, id desc);
create index tickets_by_category_priority
  on tickets (workspace_id, category, priority, created_at desc, id desc);
-- A workspace's own statuses (status_key differs from its kind) are few; filtering on one reads
-- this small index rather than every ticket of the kind.
create index tickets_by_custom_status
  on tickets (workspace_id, status_key, created_at desc, id desc) where status_key <> status;
-- "SLA due soonest" walks the SLA rows in due order (nothing running sorts last, as `infinity`);
-- the search joins them inner for that sort, since every ticket has its SLA row (written with
-- the ticket, backfilled at start-up for tickets from before the SLA engine).
create index ticket_slas_by_due_order
  on ticket_slas (workspace_id, (coalesce(due_at, 'infinity'::timestamptz)));
